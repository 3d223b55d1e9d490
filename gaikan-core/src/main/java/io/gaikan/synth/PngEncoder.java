package io.gaikan.synth;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * A small, fast, deterministic PNG writer for 8-bit grey, RGB or RGBA. Every row gets the Sub filter (suits
 * noisy photographs) and the filtered bytes are compressed as one zlib stream holding a single DEFLATE block
 * with a Huffman code built for this image and no string matching: on sensor-noisy images string matching
 * (LZ77) gains almost nothing, and skipping it makes encoding several times faster than java.util.zip at its
 * fastest level. The same pixels always give the same bytes. Not thread-safe: one encoder per thread.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_SUB = 1;
    private static final int END_OF_BLOCK = 256;
    private static final int MAX_CODE_BITS = 15;
    private static final int MAX_LENGTH_CODE_BITS = 7;
    /** Order in which DEFLATE sends the code-length code's lengths (RFC 1951, 3.2.7). */
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final int[] LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private byte[] raw = new byte[0];
    private byte[] out = new byte[0];
    private int pos;
    private long bitBuffer;
    private int bitCount;

    /** Encodes interleaved 8-bit samples (1 = grey, 3 = RGB, 4 = RGBA channels) as a complete PNG file. */
    public byte[] encode(byte[] pixels, int width, int height, int channels) {
        int length = encodeToBuffer(pixels, width, height, channels); // may replace out: call before reading it
        return Arrays.copyOf(out, length);
    }

    /**
     * Encodes as {@link #encode} and writes the file in one system call, without copying the encoded bytes.
     *
     * @return the file size in bytes
     */
    public int write(byte[] pixels, int width, int height, int channels, Path file) throws IOException {
        int length = encodeToBuffer(pixels, width, height, channels);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(out, 0, length);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
        return length;
    }

    /** Encodes into {@code out} and returns the length. */
    private int encodeToBuffer(byte[] pixels, int width, int height, int channels) {
        int colourType = switch (channels) {
            case 1 -> 0;
            case 3 -> 2;
            case 4 -> 6;
            default -> throw new IllegalArgumentException("PNG: unsupported channel count " + channels);
        };
        int stride = width * channels;
        if (pixels.length != stride * height) {
            throw new IllegalArgumentException("PNG: " + pixels.length + " bytes for " + width + "x" + height + "x"
                    + channels);
        }
        int rawLength = (stride + 1) * height;
        if (raw.length < rawLength) {
            raw = new byte[rawLength];
        }
        for (int y = 0; y < height; y++) {
            int src = y * stride;
            int dst = y * (stride + 1);
            raw[dst++] = FILTER_SUB;
            System.arraycopy(pixels, src, raw, dst, channels);
            for (int i = channels; i < stride; i++) {
                raw[dst + i] = (byte) (pixels[src + i] - pixels[src + i - channels]);
            }
        }
        int[] freq = histogram(raw, rawLength);

        // worst case: every byte takes 15 bits, plus headers
        int capacity = 256 + rawLength * 2;
        if (out.length < capacity) {
            out = new byte[capacity];
        }
        pos = 0;
        put(SIGNATURE);
        int ihdr = beginChunk("IHDR");
        putInt(width);
        putInt(height);
        out[pos++] = 8;
        out[pos++] = (byte) colourType;
        out[pos++] = 0;
        out[pos++] = 0;
        out[pos++] = 0;
        endChunk(ihdr);
        int idat = beginChunk("IDAT");
        out[pos++] = 0x78; // zlib: deflate, 32 K window
        out[pos++] = 0x01; // no dictionary, fastest; (0x78 << 8 | 0x01) % 31 == 0
        deflate(raw, rawLength, freq);
        Adler32 adler = new Adler32();
        adler.update(raw, 0, rawLength);
        putInt((int) adler.getValue());
        endChunk(idat);
        endChunk(beginChunk("IEND"));
        return pos;
    }

    /** One final dynamic-Huffman block of literals only. */
    private void deflate(byte[] data, int length, int[] freq) {
        int[] litLengths = HuffmanCode.lengths(freq, MAX_CODE_BITS);
        int[] litCodes = HuffmanCode.reversedCodes(litLengths);
        int[] distLengths = {1, 1}; // unused, but decoders expect a complete distance code
        int[] all = new int[litLengths.length + distLengths.length];
        System.arraycopy(litLengths, 0, all, 0, litLengths.length);
        System.arraycopy(distLengths, 0, all, litLengths.length, distLengths.length);
        int[] clFreq = new int[19];
        for (int l : all) {
            clFreq[l]++;
        }
        int[] clLengths = HuffmanCode.lengths(clFreq, MAX_LENGTH_CODE_BITS);
        int[] clCodes = HuffmanCode.reversedCodes(clLengths);
        int hclen = 19;
        while (hclen > 4 && clLengths[LENGTH_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        bitBuffer = 0;
        bitCount = 0;
        bits(1, 1); // final block
        bits(2, 2); // dynamic Huffman
        bits(litLengths.length - 257, 5);
        bits(distLengths.length - 1, 5);
        bits(hclen - 4, 4);
        for (int k = 0; k < hclen; k++) {
            bits(clLengths[LENGTH_ORDER[k]], 3);
        }
        for (int l : all) {
            bits(clCodes[l], clLengths[l]);
        }
        // code and length packed in one table; three symbols (at most 45 bits, plus at most 7 pending) are added,
        // then the whole buffer is stored as one little-endian long and the pointer moves by the full bytes only
        int[] packed = new int[256];
        for (int b = 0; b < 256; b++) {
            packed[b] = litCodes[b] | litLengths[b] << 16;
        }
        flushWholeBytes();
        long buffer = bitBuffer;
        int count = bitCount;
        int i = 0;
        for (; i + 2 < length; i += 3) {
            int p = packed[data[i] & 0xff];
            int q = packed[data[i + 1] & 0xff];
            int r = packed[data[i + 2] & 0xff];
            buffer |= (long) (p & 0xffff) << count;
            count += p >>> 16;
            buffer |= (long) (q & 0xffff) << count;
            count += q >>> 16;
            buffer |= (long) (r & 0xffff) << count;
            count += r >>> 16;
            LONG_LE.set(out, pos, buffer);
            pos += count >>> 3;
            buffer >>>= count & ~7;
            count &= 7;
        }
        bitBuffer = buffer;
        bitCount = count;
        for (; i < length; i++) {
            int b = data[i] & 0xff;
            bits(litCodes[b], litLengths[b]);
        }
        bits(litCodes[END_OF_BLOCK], litLengths[END_OF_BLOCK]);
        while (bitCount > 0) {
            out[pos++] = (byte) bitBuffer;
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
        bitCount = 0;
    }

    /** Byte frequencies plus one end-of-block symbol; four tables so consecutive equal bytes do not stall. */
    private static int[] histogram(byte[] data, int length) {
        int[] a = new int[256], b = new int[256], c = new int[256], d = new int[256];
        int i = 0;
        for (; i + 3 < length; i += 4) {
            a[data[i] & 0xff]++;
            b[data[i + 1] & 0xff]++;
            c[data[i + 2] & 0xff]++;
            d[data[i + 3] & 0xff]++;
        }
        for (; i < length; i++) {
            a[data[i] & 0xff]++;
        }
        int[] freq = new int[END_OF_BLOCK + 1];
        for (int k = 0; k < 256; k++) {
            freq[k] = a[k] + b[k] + c[k] + d[k];
        }
        freq[END_OF_BLOCK] = 1;
        return freq;
    }

    /** Moves whole bytes out of the bit buffer, leaving at most 7 bits pending. */
    private void flushWholeBytes() {
        while (bitCount >= 8) {
            out[pos++] = (byte) bitBuffer;
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }

    /** Appends the low {@code n} bits of {@code value}, least significant first (DEFLATE bit order). */
    private void bits(int value, int n) {
        bitBuffer |= (long) value << bitCount;
        bitCount += n;
        if (bitCount >= 32) {
            out[pos] = (byte) bitBuffer;
            out[pos + 1] = (byte) (bitBuffer >>> 8);
            out[pos + 2] = (byte) (bitBuffer >>> 16);
            out[pos + 3] = (byte) (bitBuffer >>> 24);
            pos += 4;
            bitBuffer >>>= 32;
            bitCount -= 32;
        }
    }

    private int beginChunk(String type) {
        pos += 4; // length, filled in by endChunk
        put(type.getBytes(StandardCharsets.US_ASCII));
        return pos - 8;
    }

    private void endChunk(int start) {
        int length = pos - start - 8;
        int end = pos;
        pos = start;
        putInt(length);
        pos = end;
        CRC32 crc = new CRC32();
        crc.update(out, start + 4, length + 4);
        putInt((int) crc.getValue());
    }

    private void put(byte[] b) {
        System.arraycopy(b, 0, out, pos, b.length);
        pos += b.length;
    }

    private void putInt(int v) {
        out[pos++] = (byte) (v >>> 24);
        out[pos++] = (byte) (v >>> 16);
        out[pos++] = (byte) (v >>> 8);
        out[pos++] = (byte) v;
    }
}
