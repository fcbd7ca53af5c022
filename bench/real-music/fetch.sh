#!/usr/bin/env bash
# Builds the real-music development set of issue 17 OUTSIDE the repository (nothing of it is committed):
#   bench/real-music/fetch.sh [DIR]        (default ~/.cache/sonority-real-music)
# 1. apt-get download of exactly six Debian game-data packages, dpkg -x of each;
# 2. the music only: files whose folder is named music/musics, longer than 60 s;
# 3. one file per track, in a format chosen by the track's position in its album (ogg as shipped, mp3, flac,
#    m4a, opus in turn): every track appears once, so a track's other-format copies cannot be its own
#    "same album" neighbours in precision@10; tagged with the game as album and artist;
# 4. DIR/manifest.tsv: path, album, half, format, seconds. Halves are by album (albums sorted by name,
#    alternately "tune" and "held-out"), so no album is in both.
# Needs apt-get, dpkg, ffmpeg and ffprobe. Heavy steps run under nice -n 19 (shared machines).
set -euo pipefail

DIR="${1:-$HOME/.cache/sonority-real-music}"
PACKAGES=(freedroidrpg-data widelands-data flare-game supertuxkart-data fillets-ng-data xmoto-data)
FORMATS=(ogg mp3 flac m4a opus)
mkdir -p "$DIR/debs" "$DIR/extract" "$DIR/tracks"
DIR="$(cd "$DIR" && pwd)"

for tool in apt-get dpkg ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "fetch.sh: $tool is needed (apt-get install ffmpeg for ffmpeg/ffprobe)" >&2; exit 1; }
done

cd "$DIR/debs"
for p in "${PACKAGES[@]}"; do
  if ! ls "${p}"_*.deb >/dev/null 2>&1; then
    nice -n 19 apt-get download "$p" || { echo "fetch.sh: apt-get download $p failed (run apt-get update?)" >&2; exit 1; }
  fi
done

# album name = package name without the -data/-game suffix
album_of() { local a="${1%-data}"; printf '%s' "${a%-game}"; }

manifest="$DIR/manifest.tsv"
tmp="$(mktemp)"
printf 'path\talbum\thalf\tformat\tseconds\n' > "$tmp"
mapfile -t albums < <(for p in "${PACKAGES[@]}"; do album_of "$p"; echo; done | sort)
for p in "${PACKAGES[@]}"; do
  album="$(album_of "$p")"
  half=held-out
  for i in "${!albums[@]}"; do
    [ "${albums[$i]}" = "$album" ] && [ $((i % 2)) -eq 0 ] && half=tune
  done
  x="$DIR/extract/$album"
  [ -d "$x" ] || { mkdir -p "$x.part" && nice -n 19 dpkg -x "$DIR"/debs/"${p}"_*.deb "$x.part" && mv "$x.part" "$x"; }
  mkdir -p "$DIR/tracks/$album"
  n=0
  while IFS= read -r -d '' src; do
    seconds="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$src" || echo 0)"
    awk -v s="$seconds" 'BEGIN { exit !(s > 60) }' || continue
    format="${FORMATS[$((n % ${#FORMATS[@]}))]}"
    n=$((n + 1))
    title="$(basename "${src%.*}")"
    out="$DIR/tracks/$album/$title.$format"
    if [ ! -s "$out" ]; then
      case "$format" in
        ogg) codec=(-c:a copy) ;;
        mp3) codec=(-c:a libmp3lame -q:a 2) ;;
        flac) codec=(-c:a flac) ;;
        m4a) codec=(-c:a aac -b:a 192k) ;;
        opus) codec=(-c:a libopus -b:a 128k) ;;
      esac
      nice -n 19 ffmpeg -nostdin -v error -y -i "$src" -map 0:a:0 -map_metadata -1 "${codec[@]}" \
        -metadata album="$album" -metadata artist="$album" -metadata title="$title" -threads 1 "$out.part.$format"
      mv "$out.part.$format" "$out"
    fi
    printf '%s\t%s\t%s\t%s\t%.1f\n' "tracks/$album/$title.$format" "$album" "$half" "$format" "$seconds" >> "$tmp"
  done < <(find "$x" -type f \( -iname '*.ogg' -o -iname '*.mp3' -o -iname '*.flac' \) \
             \( -ipath '*/music/*' -o -ipath '*/musics/*' \) -print0 \
           | while IFS= read -r -d '' f; do
               case "$(basename "$(dirname "$f")" | tr '[:upper:]' '[:lower:]')" in music|musics) printf '%s\0' "$f" ;; esac
             done | sort -z)
  echo "fetch.sh: $album ($half): $n tracks" >&2
done
mv "$tmp" "$manifest"
echo "fetch.sh: $(($(wc -l < "$manifest") - 1)) tracks in $manifest" >&2
