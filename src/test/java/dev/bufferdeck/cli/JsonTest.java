package dev.bufferdeck.cli;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void stringsWithQuotesBackslashesControlsAndNonAsciiSurviveARoundTrip() {
        String nasty = "a\"b\\c/d\n\r\t\b\f\u0000\u001f\u007f é ♫ 😀 \u2028 end";
        String json = Json.write(nasty);
        assertEquals(nasty, MiniJsonParser.parse(json));
        assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "only printable ASCII in " + json);
        assertEquals("\"\\\"\\\\\\n\\u0000\\u00e9\"", Json.write("\"\\\n\u0000é"));
    }

    @Test
    void valuesMapsAndListsKeepTheirOrderAndTypes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1L);
        map.put("a", null);
        map.put("flag", true);
        map.put("seconds", 12.5);
        map.put("list", List.of("x", 2, false));
        map.put("nested", Map.of("k", "v"));
        String json = Json.write(map);
        assertEquals("{\"z\":1,\"a\":null,\"flag\":true,\"seconds\":12.5,\"list\":[\"x\",2,false],\"nested\":{\"k\":\"v\"}}", json);
        Map<String, Object> back = MiniJsonParser.object(json);
        assertEquals(List.of("z", "a", "flag", "seconds", "list", "nested"), List.copyOf(back.keySet()));
        assertEquals(new BigDecimal("12.5"), back.get("seconds"));
    }

    @Test
    void doublesPrintWithoutExponentsAndNonFiniteOnesAsNull() {
        assertEquals("3.142", Json.write(3.142));
        assertEquals("10000000000", Json.write(1e10));
        assertEquals("0.0001", Json.write(1e-4));
        assertEquals("[null,null]", Json.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY)));
    }
}
