# Build Reply Ledger on Windows: the same steps as build_spec/build.sh, in PowerShell (5.1 or 7).
#   dist\reply-ledger-VERSION\reply-ledger.exe      the window, without a console (for the Start menu)
#   dist\reply-ledger-VERSION\reply-ledger-cli.exe  the same program for commands (export, remind, --smoke-test)
#   dist\reply-ledger-VERSION-windows-x86_64.zip    the folder, zipped
#   dist\reply-ledger-VERSION.files                 the folder's file list
# Needs Python 3.11 or newer (64-bit, python.org or the Microsoft Store) and git. From the checkout:
#   powershell -ExecutionPolicy Bypass -File build_spec\build.ps1
# This file is ASCII only, so that Windows PowerShell 5.1 reads it the same in every system code page.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $($Arguments -join ' ') failed with exit status $LASTEXITCODE" }
}

# 1. A virtual environment with the project, its test tools and PyInstaller (the `build` extra).
$Python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
if (-not (Test-Path .venv\Scripts\python.exe)) { Invoke-Checked $Python @("-m", "venv", ".venv") }
$Py = ".venv\Scripts\python.exe"
Invoke-Checked $Py @("-m", "pip", "install", "-q", "--disable-pip-version-check", "--upgrade", "pip")
Invoke-Checked $Py @("-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", ".[test,build]")

# 2. The compiled translation and the icons (the .ico goes into the executables).
Invoke-Checked ".venv\Scripts\pyside6-lrelease.exe" @("-silent", "resources\translations\reply_ledger_zh_CN.ts",
    "-qm", "resources\translations\reply_ledger_zh_CN.qm")
Invoke-Checked $Py @("build_spec\icons.py", "build\icons")

# 3. Freeze: dated by the commit, with a fixed hash seed, so that a rebuild of the same commit is the same.
$Version = (& $Py -c "from desktop import __version__; print(__version__)").Trim()
$env:SOURCE_DATE_EPOCH = (& git log -1 --format=%ct).Trim()
$Folder = "dist\reply-ledger-$Version"
foreach ($Old in @($Folder, "build\pyinstaller")) { if (Test-Path $Old) { Remove-Item -Recurse -Force $Old } }
$env:PYTHONHASHSEED = "0"
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", "dist",
    "--workpath", "build\pyinstaller", "build_spec\reply_ledger.spec")
Remove-Item Env:PYTHONHASHSEED

# 4. Smoke-test the built program (the console twin, which prints): fresh data folder and demo, Chinese and English.
Invoke-Checked $Py @("build_spec\smoke_test.py", "$Folder\reply-ledger-cli.exe")

# 5. The zip and the file list.
Invoke-Checked $Py @("build_spec\package.py", $Folder, "--zip")
Get-ChildItem dist -Filter "reply-ledger-$Version*" | ForEach-Object {
    $Bytes = if ($_.PSIsContainer) { (Get-ChildItem $_.FullName -Recurse -File | Measure-Object Length -Sum).Sum }
             else { $_.Length }
    "{0,8:N1} MB  {1}" -f ($Bytes / 1MB), $_.Name
}
