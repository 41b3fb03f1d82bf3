#!/usr/bin/env bash
# Regenerates the small region fixtures beside this script (ffmpeg, lame and flac from Debian).
set -euo pipefail
cd "$(dirname "$0")"
T="-f lavfi -i sine=frequency=440:sample_rate=8000:duration=0.3"
ffmpeg -v error -y -f lavfi -i color=c=orange:s=8x8 -frames:v 1 /tmp/cover.png
ffmpeg -v error -y $T -ac 1 -c:a pcm_s16le -metadata title="Tone" tone.wav
ffmpeg -v error -y $T -ac 1 -c:a pcm_s16be tone.aiff
ffmpeg -v error -y $T -ac 1 -c:a pcm_mulaw tone.au
ffmpeg -v error -y $T -i /tmp/cover.png -map 0 -map 1 -ac 1 -c:a libmp3lame -b:a 32k -c:v copy \
  -id3v2_version 3 -write_id3v1 1 -metadata title="Tone" -metadata artist="BufferDeck" tone.mp3
ffmpeg -v error -y $T -ac 1 -c:a libvorbis -q:a 0 tone.ogg
ffmpeg -v error -y -f lavfi -i sine=frequency=440:sample_rate=48000:duration=0.3 -ac 1 -c:a libopus -b:a 16k tone.opus
ffmpeg -v error -y $T -ac 1 -c:a flac -metadata title="Tone" tone.flac
metaflac --remove --block-type=PADDING --dont-use-padding tone.flac
metaflac --import-picture-from=/tmp/cover.png tone.flac
ffmpeg -v error -y $T -ac 1 -c:a aac -b:a 16k tone.m4a
rm -f /tmp/cover.png
