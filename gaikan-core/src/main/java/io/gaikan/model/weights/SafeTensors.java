package io.gaikan.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaikan.files.AtomicFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (Hugging Face, timm's {@code model.safetensors}): an 8-byte little-endian header length, a
 * JSON header {@code name -> {dtype, shape, data_offsets}}, then the raw little-endian tensor bytes.
 */
public final class SafeTensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {
    }

    /** Reads every tensor (memory-mapped, read-only) in file order. {@code __metadata__} is skipped. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0, file);
            long headerLength = lengthBytes.getLong(0);
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw new IOException(file + ": not a safetensors file (header length " + headerLength + ")");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8, file);
            JsonNode root;
            try {
                root = JSON.readTree(new String(header.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IOException(file + ": unreadable safetensors header: " + e.getMessage(), e);
            }
            long dataStart = 8 + headerLength;
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("__metadata__")) {
                    entries.add(e);
                }
            }
            entries.sort(Comparator.comparingLong(e -> e.getValue().path("data_offsets").path(0).asLong()));
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : entries) {
                out.put(e.getKey(), tensor(channel, file, e.getKey(), e.getValue(), dataStart, size));
            }
            return out;
        }
    }

    private static Tensor tensor(FileChannel channel, Path file, String name, JsonNode spec, long dataStart, long size)
            throws IOException {
        Tensor.DType dtype;
        try {
            dtype = Tensor.DType.valueOf(spec.path("dtype").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": tensor " + name + " has unsupported dtype " + spec.path("dtype").asText()
                    + " (supported: F32, F16, BF16, I64)");
        }
        JsonNode shapeNode = spec.path("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        long begin = spec.path("data_offsets").path(0).asLong(-1);
        long end = spec.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end < begin || dataStart + end > size
                || end - begin != Tensor.numel(shape) * dtype.bytes()) {
            throw new IOException(file + ": tensor " + name + " has bad data_offsets [" + begin + ", " + end + "]");
        }
        ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin);
        return new Tensor(dtype, shape, data);
    }

    /**
     * Writes tensors in map order, atomically (a temporary file renamed into place), with the header padded to a
     * multiple of 8 bytes as the reference implementation does.
     */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            ObjectNode spec = header.putObject(e.getKey());
            spec.put("dtype", t.dtype().name());
            ArrayNode shape = spec.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long length = t.data().remaining();
            spec.putArray("data_offsets").add(offset).add(offset + length);
            offset += length;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFile.write(file, tmp -> {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(out, head);
                for (Tensor t : tensors.values()) {
                    writeFully(out, t.data().duplicate());
                }
            }
        });
    }

    private static void readFully(FileChannel channel, ByteBuffer buf, long position, Path file) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new IOException(file + ": truncated safetensors file");
            }
            pos += n;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }
}
