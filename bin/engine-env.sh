# Sourced by bin/gaikan, .ci/run and bench/*.sh. libtorch and glibc read these when the process starts, so they
# must be in the environment before the JVM starts; a caller's own setting wins. Measurements: docs/speed.md.

# libgomp's threads otherwise spin between parallel regions; on a machine shared with other work (2 cores and any
# other process) that spinning made training steps ~8x slower. OMP_WAIT_POLICY=ACTIVE undoes it.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

# Activations are allocated and freed at every step. By default glibc hands each large block back to the kernel when
# it is freed and the next step faults the same memory in again, 4 kB at a time (a MobileNetV2 training step at
# batch 32: over a million page faults). Instead: libtorch (2.1 and later) asks for transparent huge pages for
# tensors of 2 MB and more (needs THP in "madvise" or "always" mode, /sys/kernel/mm/transparent_hugepage/enabled),
# and glibc keeps freed memory for the next step: one arena (the JVM's threads are not the main thread, and other
# arenas return blocks over 64 MB to the kernel regardless), no mmap'd blocks, no trimming. The process keeps its
# peak native memory until it exits, as PyTorch's GPU caching allocator does.
export THP_MEM_ALLOC_ENABLE="${THP_MEM_ALLOC_ENABLE:-1}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
export MALLOC_MMAP_MAX_="${MALLOC_MMAP_MAX_:-0}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-137438953472}"
