# Build the Windows one-folder bundle: dist\loosstory\ (loosstory.exe, loosstory-cli.exe,
# _internal\) and dist\loosstory-<version>-windows-x64.zip, then smoke-test it.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-bundle.ps1
#
# Needs: Windows 10/11 x64, Python 3.10+ from python.org (the "py" launcher), network
# access to PyPI. NOT TESTED: written and reviewed on Linux only (see docs/packaging.md).
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Venv = Join-Path $Root "build\bundle-venv-windows"
$Python = Join-Path $Venv "Scripts\python.exe"
$Bundle = Join-Path $Root "dist\loosstory"
$Started = Get-Date

function Invoke-Native([string]$What) {
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

if (-not (Test-Path $Python)) {
    py -3 -m venv $Venv; Invoke-Native "python -m venv"
}
& $Python -m pip install --disable-pip-version-check -r "$Root\packaging\requirements-bundle.txt" $Root
Invoke-Native "pip install"

New-Item -ItemType Directory -Force -Path "$Root\build" | Out-Null
Push-Location "$Root\build"   # never run PyInstaller from the repository root
try {
    & $Python -m PyInstaller --noconfirm --clean --log-level WARN `
        --distpath "$Root\dist" --workpath "$Root\build\pyinstaller" `
        "$Root\packaging\pyinstaller\loosstory.spec"
    Invoke-Native "PyInstaller"
} finally { Pop-Location }

Copy-Item "$Root\packaging\windows\LISEZMOI-windows.txt" "$Bundle\LISEZMOI.txt"

# Smoke test: the console twin answers on stdout; the offscreen platform needs no display.
$Cli = Join-Path $Bundle "loosstory-cli.exe"
$env:QT_QPA_PLATFORM = "offscreen"
$env:PYTHONPATH = $null; $env:PYTHONHOME = $null
try {
    & $Cli --version; Invoke-Native "loosstory-cli --version"
    & $Cli check; Invoke-Native "loosstory-cli check"
    $Png = Join-Path $env:TEMP "loosstory-cover.png"
    & $Cli snapshot --page cover -o $Png; Invoke-Native "loosstory-cli snapshot"
    if ((Get-Item $Png).Length -lt 50000) { throw "snapshot looks blank" }
} finally { Remove-Item Env:QT_QPA_PLATFORM }

$Version = (& $Python -c "import importlib.metadata as m; print(m.version('loosstory'))").Trim()
$Zip = Join-Path $Root "dist\loosstory-$Version-windows-x64.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path $Bundle -DestinationPath $Zip
$Size = (Get-ChildItem -Recurse -File $Bundle | Measure-Object -Property Length -Sum).Sum / 1MB
"bundle:  $Bundle ({0:N0} MB unpacked)" -f $Size
"zip:     $Zip ({0:N0} MB)" -f ((Get-Item $Zip).Length / 1MB)
"time:    {0:N0} s" -f ((Get-Date) - $Started).TotalSeconds
"installer (optional): iscc /DAppVersion=$Version packaging\windows\loosstory.iss"
