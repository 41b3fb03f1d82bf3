package dev.bufferdeck.format.index;

import dev.bufferdeck.format.MpegAudioHeader;

import dev.bufferdeck.repository.ByteSource;

/**
 * What the first frame's Xing/Info (LAME) or VBRI header declares.
 *
 * @param tag "Xing", "Info", "VBRI", or "" when there is none
 * @param frames audio frames declared, or -1
 * @param encoderDelay LAME encoder delay in samples, -1 without a LAME tag
 * @param encoderPadding LAME padding in samples, -1 without a LAME tag
 */
public record XingInfo(String tag, int frames, long bytes, String encoder, int encoderDelay, int encoderPadding) {
    public static final XingInfo NONE = new XingInfo("", -1, -1, "", -1, -1);

    public boolean present() { return !tag.isEmpty(); }
    public boolean hasGaplessInfo() { return encoderDelay >= 0; }

    static XingInfo read(ByteSource b, int frame, MpegAudioHeader h) {
        int xing = frame + 4 + h.sideInfoLength();
        for (int at : new int[] {xing, xing + 2}) {
            String id = ascii(b, at, 4);
            if (id.equals("Xing") || id.equals("Info")) return readXing(b, at, id, frame + h.frameLength());
        }
        if (ascii(b, frame + 36, 4).equals("VBRI") && frame + 36 + 18 <= b.limit()) {
            return new XingInfo("VBRI", b.getInt(frame + 36 + 14), b.getInt(frame + 36 + 10) & 0xFFFFFFFFL, "", -1, -1);
        }
        return NONE;
    }

    private static XingInfo readXing(ByteSource b, int at, String id, int frameEnd) {
        if (at + 8 > frameEnd || frameEnd > b.limit()) return new XingInfo(id, -1, -1, "", -1, -1);
        int flags = b.getInt(at + 4);
        int p = at + 8;
        int frames = -1;
        long bytes = -1;
        if ((flags & 1) != 0 && p + 4 <= frameEnd) { frames = b.getInt(p); p += 4; }
        if ((flags & 2) != 0 && p + 4 <= frameEnd) { bytes = b.getInt(p) & 0xFFFFFFFFL; p += 4; }
        if ((flags & 4) != 0) p += 100;
        if ((flags & 8) != 0) p += 4;
        String encoder = ascii(b, p, 9);
        int delay = -1, padding = -1;
        boolean lame = encoder.startsWith("LAME") || encoder.startsWith("Lavf") || encoder.startsWith("Lavc");
        if (lame && p + 24 <= frameEnd) {
            int v = ((b.get(p + 21) & 0xFF) << 16) | ((b.get(p + 22) & 0xFF) << 8) | (b.get(p + 23) & 0xFF);
            delay = v >>> 12;
            padding = v & 0xFFF;
        }
        return new XingInfo(id, frames, bytes, encoder.trim(), delay, padding);
    }

    private static String ascii(ByteSource b, int at, int length) {
        if (at < 0 || at + length > b.limit()) return "";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = b.get(at + i) & 0xFF;
            s.append(c >= 32 && c < 127 ? (char) c : ' ');
        }
        return s.toString();
    }
}
