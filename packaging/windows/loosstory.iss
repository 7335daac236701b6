; Inno Setup script: a per-machine installer for the Windows bundle (optional).
;   iscc /DAppVersion=0.1.0 packaging\windows\loosstory.iss
; Input: dist\loosstory\ from build-bundle.ps1. Output: dist\loosstory-<version>-setup.exe.
; NOT TESTED: written on Linux, where Inno Setup cannot run (see docs/packaging.md).
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
; Arguments of the "start with the session" shortcut for a kiosk PC; the kiosk mode
; may bring its own (e.g. "--kiosk"): change them here.
#define KioskArgs "--fullscreen"

[Setup]
AppId={{6C0B4F2E-3B6A-4C55-9C38-4C0E5A7F1D21}
AppName=Loos-en-Gohelle — loosstory
AppVersion={#AppVersion}
AppPublisher=loosstory
DefaultDirName={autopf}\loosstory
DefaultGroupName=Loos-en-Gohelle
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=loosstory-{#AppVersion}-setup
SetupIconFile=loosstory.ico
UninstallDisplayIcon={app}\loosstory.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked
Name: "kiosk"; Description: "Borne de musée : ouvrir l'histoire en plein écran à chaque ouverture de session"; Flags: unchecked

[Files]
Source: "..\..\dist\loosstory\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\Loos-en-Gohelle"; Filename: "{app}\loosstory.exe"
Name: "{autodesktop}\Loos-en-Gohelle"; Filename: "{app}\loosstory.exe"; Tasks: desktopicon
Name: "{commonstartup}\Loos-en-Gohelle (borne)"; Filename: "{app}\loosstory.exe"; Parameters: "{#KioskArgs}"; Tasks: kiosk

[Run]
Filename: "{app}\loosstory.exe"; Description: "{cm:LaunchProgram,Loos-en-Gohelle}"; Flags: nowait postinstall skipifsilent
