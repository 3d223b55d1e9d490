package io.gaikan.synth;

/** Length-limited canonical Huffman codes, as DEFLATE needs them. */
final class HuffmanCode {

    private HuffmanCode() {
    }

    /**
     * Code length per symbol (0 = unused) for the given frequencies, no longer than {@code maxBits}. When the
     * optimal code is too deep, frequencies are halved (keeping used symbols at least 1) and the code rebuilt,
     * which flattens it; at least two symbols always get a code so the code is complete.
     */
    static int[] lengths(int[] freq, int maxBits) {
        long[] f = new long[freq.length];
        int used = 0;
        for (int i = 0; i < freq.length; i++) {
            f[i] = freq[i];
            used += freq[i] > 0 ? 1 : 0;
        }
        for (int i = 0; used < 2 && i < f.length; i++) {
            if (f[i] == 0) {
                f[i] = 1;
                used++;
            }
        }
        while (true) {
            int[] lengths = build(f);
            int max = 0;
            for (int l : lengths) {
                max = Math.max(max, l);
            }
            if (max <= maxBits) {
                return lengths;
            }
            for (int i = 0; i < f.length; i++) {
                if (f[i] > 0) {
                    f[i] = Math.max(1, f[i] >> 1);
                }
            }
        }
    }

    /**
     * Plain Huffman code lengths by the two-queue method: leaves sorted by (weight, symbol), merged nodes are
     * created in non-decreasing weight order, so the two smallest are always at the queue fronts. Deterministic.
     */
    private static int[] build(long[] f) {
        int n = f.length;
        int leaves = 0;
        for (long v : f) {
            leaves += v > 0 ? 1 : 0;
        }
        long[] keys = new long[leaves];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (f[i] > 0) {
                keys[k++] = f[i] << 16 | i; // weights stay far below 2^47
            }
        }
        java.util.Arrays.sort(keys);
        int[] leaf = new int[leaves];
        for (int i = 0; i < leaves; i++) {
            leaf[i] = (int) (keys[i] & 0xffff);
        }
        // nodes 0..leaves-1 are the sorted leaves, leaves.. are merged nodes
        long[] weight = new long[2 * leaves];
        int[] parent = new int[2 * leaves];
        for (int i = 0; i < leaves; i++) {
            weight[i] = keys[i] >>> 16;
        }
        int nextLeaf = 0;
        int nextMerged = leaves;
        int created = leaves;
        while (created - nextMerged + leaves - nextLeaf > 1) {
            int[] pick = new int[2];
            for (int j = 0; j < 2; j++) {
                boolean useLeaf = nextLeaf < leaves
                        && (nextMerged >= created || weight[nextLeaf] <= weight[nextMerged]);
                pick[j] = useLeaf ? nextLeaf++ : nextMerged++;
            }
            weight[created] = weight[pick[0]] + weight[pick[1]];
            parent[pick[0]] = created;
            parent[pick[1]] = created;
            created++;
        }
        int root = created - 1;
        int[] depth = new int[2 * leaves];
        for (int node = root - 1; node >= 0; node--) {
            depth[node] = depth[parent[node]] + 1;
        }
        int[] lengths = new int[n];
        for (int i = 0; i < leaves; i++) {
            lengths[leaf[i]] = depth[i];
        }
        return lengths;
    }

    /** Canonical codes (RFC 1951, 3.2.2), bit-reversed because DEFLATE packs Huffman codes from their top bit. */
    static int[] reversedCodes(int[] lengths) {
        int max = 0;
        for (int l : lengths) {
            max = Math.max(max, l);
        }
        int[] count = new int[max + 1];
        for (int l : lengths) {
            count[l]++;
        }
        count[0] = 0;
        int[] nextCode = new int[max + 2];
        int code = 0;
        for (int bits = 1; bits <= max; bits++) {
            code = (code + count[bits - 1]) << 1;
            nextCode[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            int l = lengths[i];
            if (l > 0) {
                codes[i] = Integer.reverse(nextCode[l]++) >>> (32 - l);
            }
        }
        return codes;
    }
}
