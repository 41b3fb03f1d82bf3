package dev.bufferdeck.cli;

/** Parses non-negative byte counts given as decimal ("4096") or hex ("0x1000"). */
final class NumberArgument {
    private NumberArgument() {}

    /** The value, or -1 when {@code text} is not a non-negative decimal or 0x-hex number that fits a long. */
    static long parse(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                String digits = text.substring(2);
                return digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-") ? -1 : Long.parseLong(digits, 16);
            }
            if (text.isEmpty() || !Character.isDigit(text.charAt(0))) return -1;
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
