package dev.bufferdeck.audio.decode;

/** How one stored PCM sample is laid out in a WAV, AIFF or AU data chunk. */
enum SampleEncoding {
    SIGNED_LE, SIGNED_BE, UNSIGNED, FLOAT_LE, FLOAT_BE, MU_LAW, A_LAW
}
