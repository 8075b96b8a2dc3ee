; Inno Setup 6 script: the Windows installer of Itaku, made from the PyInstaller bundle in dist\itaku.
; Build on Windows with `python installer\build.py --installer` (which passes AppVersion and DistDir), or
;   iscc /DAppVersion=0.1.0 installer\windows\itaku.iss
; Per-user install (no administrator rights): %LOCALAPPDATA%\Programs\Itaku, a Start-menu entry and an
; uninstaller (Settings → Apps). The user's databases and settings live elsewhere and are never removed.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist"
#endif
#define AppName "Itaku"
#define AppExeName "itaku.exe"

[Setup]
; A fixed AppId: upgrades install over the previous version and share one uninstaller entry.
AppId={{6B0F3C2E-5A47-4E0B-9D7C-1F2A8E4C9B31}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Itaku developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#DistDir}
OutputBaseFilename=itaku-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\itaku.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\itaku\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; IconFilename: "{app}\{#AppExeName}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the application itself may have written beside its files; never the user's data folder.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
