# Sourced by bin/gaikan, .ci/run and bench/*.sh. libtorch reads these when it loads, so they must be in the
# environment before the JVM starts; a caller's own setting wins. Measurements behind them: docs/speed.md.

# libgomp's threads otherwise spin between parallel regions; on a machine shared with other work (2 cores and any
# other process) that spinning made training steps ~8x slower. OMP_WAIT_POLICY=ACTIVE undoes it.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

# libtorch (2.1 and later) backs tensors of 2 MB and more with transparent huge pages. Without it every fresh
# activation is faulted in 4 kB at a time: a MobileNetV2 training step (batch 32, 224 px) took 1.2 M page faults and
# ran 1.7x slower. Needs THP in "madvise" or "always" mode (/sys/kernel/mm/transparent_hugepage/enabled); a no-op
# otherwise. THP_MEM_ALLOC_ENABLE=0 undoes it.
export THP_MEM_ALLOC_ENABLE="${THP_MEM_ALLOC_ENABLE:-1}"
