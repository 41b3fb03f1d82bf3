package dev.bufferdeck.audio.decode;

import net.sourceforge.jaad.aac.syntax.BitStream;

/**
 * The bits of one AAC access unit for JAAD, with one correction: an escape value of 8191 (the
 * largest the standard allows, ISO/IEC 14496-3 §4.6.3.3: 8 prefix ones, then a 12-bit word) is read
 * as 8190. JAAD's inverse-quantisation table ({@code IQTable.IQ_TABLE}) holds 0..8190 only, so 8191
 * threw ArrayIndexOutOfBounds and the frame was lost (ffmpeg's encoder writes such values: one frame
 * in 120 s of the decoder bench's signal at 128 kbps). 8190<sup>4/3</sup> is 0.016 % below
 * 8191<sup>4/3</sup>; {@code AacDecoderTest} measures the frame at 90 dB against ffmpeg.
 *
 * <p>The escape is recognised by its shape in the call sequence of JAAD's {@code Huffman.getEscape}:
 * {@code readBool()} true at least 8 times, false once, then {@code readBits(12)}. Sign bits before
 * the prefix only lengthen the run of trues; no other element of a raw AAC frame reads 12 bits right
 * after such a run, and only the all-ones word is changed.
 */
final class AacEscapeBits implements BitStream {
    private static final int LONGEST_PREFIX = 8;
    private static final int LONGEST_WORD = 12;
    private static final int ALL_ONES = (1 << LONGEST_WORD) - 1;

    private final BitStream in;
    private int onesInARow;
    private int prefix = -1;   // the run of ones just ended by a zero, or -1 when something else came between

    AacEscapeBits(byte[] frame) {
        this.in = BitStream.open(frame);
    }

    @Override
    public int readBits(int n) {
        boolean largestEscape = prefix >= LONGEST_PREFIX && n == LONGEST_WORD;
        other();
        int v = in.readBits(n);
        return largestEscape && v == ALL_ONES ? ALL_ONES - 1 : v;
    }

    @Override
    public boolean readBool() {
        boolean b = in.readBool();
        if (b) {
            onesInARow++;
            prefix = -1;
        } else {
            prefix = onesInARow;
            onesInARow = 0;
        }
        return b;
    }

    @Override public int getPosition() { return in.getPosition(); }
    @Override public int getBitsLeft() { return in.getBitsLeft(); }
    @Override public int peekBits(int n) { return in.peekBits(n); }
    @Override public int readBit() { other(); return in.readBit(); }
    @Override public void skipBits(int n) { other(); in.skipBits(n); }
    @Override public void skipBit() { other(); in.skipBit(); }
    @Override public void byteAlign() { other(); in.byteAlign(); }
    @Override public BitStream readSubStream(int n) { other(); return in.readSubStream(n); }

    private void other() {
        onesInARow = 0;
        prefix = -1;
    }
}
