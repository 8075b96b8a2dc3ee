#!/bin/sh
# Installs Itaku for the current user, without root: the application into ~/.local/opt/itaku,
# a command in ~/.local/bin, the menu entry and the icon. Run it from the unpacked archive:
#   tar xzf itaku-<version>-linux-<arch>.tar.gz && ./itaku-<version>/install.sh
# Uninstall: ./install.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=$HOME/.local/opt/itaku
bin=$HOME/.local/bin
desktop_file=$data/applications/itaku.desktop
icon_file=$data/icons/hicolor/256x256/apps/itaku.png

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$prefix" "$bin/itaku" "$desktop_file" "$icon_file"
  echo "Itaku removed (your databases and settings are kept)."
  exit 0
fi

mkdir -p "$prefix" "$bin" "$data/applications" "$(dirname "$icon_file")"
rm -rf "$prefix/app"
cp -R "$here/itaku" "$prefix/app"
ln -sf "$prefix/app/itaku" "$bin/itaku"
cp "$here/itaku.png" "$icon_file"
sed "s|^Exec=itaku|Exec=$prefix/app/itaku|" "$here/itaku.desktop" > "$desktop_file"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Itaku installed in $prefix; start it from the menu or with: $bin/itaku"
