package io.gaikan.model.weights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTensorsTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsEveryDtype() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", Tensor.f32(new long[] {2, 3}, new float[] {1.5f, -2f, 0f, -0f, Float.MIN_VALUE, 3e38f}));
        // F16: 1.0 = 0x3C00, -2.5 = 0xC100, 65504 = 0x7BFF, smallest subnormal 2^-24 = 0x0001
        tensors.put("h", raw(Tensor.DType.F16, new long[] {4}, (short) 0x3C00, (short) 0xC100, (short) 0x7BFF, (short) 0x0001));
        // BF16 keeps float32's exponent: 1.0 = 0x3F80, -3.0 = 0xC040
        tensors.put("b", raw(Tensor.DType.BF16, new long[] {2}, (short) 0x3F80, (short) 0xC040));
        tensors.put("n", Tensor.i64Scalar(7));
        Path file = dir.resolve("t.safetensors");
        SafeTensors.write(file, tensors);

        // the header is what the reference implementation expects: 8-byte LE length, JSON, padded to 8 bytes
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = bytes.getLong(0);
        assertEquals(0, headerLength % 8);
        String header = new String(bytes.array(), 8, (int) headerLength, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}"), header);

        Map<String, Tensor> back = SafeTensors.read(file);
        assertEquals(List.of("w", "h", "b", "n"), List.copyOf(back.keySet()));
        assertArrayEquals(new long[] {2, 3}, back.get("w").shape());
        assertArrayEquals(floats(tensors.get("w")), floats(back.get("w")));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(floats(back.get("w"))[3]));
        assertArrayEquals(new float[] {1f, -2.5f, 65504f, 0x1p-24f}, floats(back.get("h")));
        assertArrayEquals(new float[] {1f, -3f}, floats(back.get("b")));
        assertEquals(Tensor.DType.I64, back.get("n").dtype());
        assertEquals(0, back.get("n").shape().length);
        assertEquals(7L, back.get("n").data().getLong(0));
    }

    @Test
    void rejectsWhatIsNotSafetensors() throws IOException {
        Path junk = dir.resolve("junk.safetensors");
        Files.writeString(junk, "this is not a tensor file at all");
        IOException e = assertThrows(IOException.class, () -> SafeTensors.read(junk));
        assertTrue(e.getMessage().startsWith(junk.toString()), e.getMessage());
    }

    private static Tensor raw(Tensor.DType dtype, long[] shape, short... values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : values) {
            buf.putShort(v);
        }
        return new Tensor(dtype, shape, buf.flip());
    }

    private static float[] floats(Tensor t) {
        float[] out = new float[(int) t.numel()];
        t.floats().get(out);
        return out;
    }
}
