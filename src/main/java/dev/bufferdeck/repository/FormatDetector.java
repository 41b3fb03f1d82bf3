package dev.bufferdeck.repository;


/**
 * Tells what a buffer holds from its bytes. Implemented by the format package; the repository
 * only stores the answer.
 */
@FunctionalInterface
public interface FormatDetector {

    /**
     * @param bytes a read-only view of the whole buffer
     * @param declaredType what the name or Content-Type claims (e.g. "mp3", "audio/mpeg"), may be empty
     */
    Detection detect(ByteSource bytes, String declaredType);

    /**
     * @param format what the bytes are
     * @param mismatch the declared type says one thing and the bytes another
     * @param note a readable sentence about the mismatch, empty when there is none
     */
    record Detection(MediaFormat format, boolean mismatch, String note) {
        public static final Detection UNKNOWN = new Detection(MediaFormat.UNKNOWN, false, "");
    }

    FormatDetector NONE = (bytes, declared) -> Detection.UNKNOWN;
}
