# Latency against community size, log–log: docs/images/latency-vs-members.png.
# Run from the repository root:  gnuplot Benchmarks/plots/latency-vs-members.gp
# Data: Benchmarks/plots/latency-vs-members.dat (the benchmark suite's figures) and
# Benchmarks/baselines/results/results.dat (the numpy baseline and Stitch side by side, with the
# bridging weight at 0, from Benchmarks/baselines/run.sh).

if (!exists('suite')) suite = 'Benchmarks/plots/latency-vs-members.dat'
if (!exists('baseline')) baseline = 'Benchmarks/baselines/results/results.dat'
if (!exists('output')) output = 'docs/images/latency-vs-members.png'

set terminal pngcairo size 1000,720 font 'DejaVu Sans,11' noenhanced
set output output
set title 'Latency per query against members (one activity per 20 members; 2-core machine; top 10)'
set logscale xy 10
set xrange [700:1500000]
set yrange [10:100000]
set ylabel 'latency per query'
set xtics ('1,000 members' 1000, '10,000' 10000, '100,000' 100000, '1,000,000' 1000000)
set ytics ('10 µs' 10, '100 µs' 100, '1 ms' 1000, '10 ms' 10000, '100 ms' 100000)
set grid xtics ytics mxtics mytics lc rgb '#dddddd'
set key below box Left reverse maxrows 5 width -4 height 0.5
set style line 1 lc rgb '#1f77b4' lw 2 pt 7 ps 1.1
set style line 2 lc rgb '#1f77b4' lw 1.5 pt 6 ps 1.1 dt 2
set style line 3 lc rgb '#d62728' lw 2 pt 5 ps 1.1
set style line 4 lc rgb '#d62728' lw 1.5 pt 4 ps 1.1 dt 2
set style line 5 lc rgb '#2ca02c' lw 2 pt 9 ps 1.2
set style line 6 lc rgb '#2ca02c' lw 1.5 pt 8 ps 1.2 dt 2
set style line 7 lc rgb '#ff7f0e' lw 2 pt 13 ps 1.2
set style line 8 lc rgb '#ff7f0e' lw 1.5 pt 12 ps 1.2 dt 2
set style line 9 lc rgb '#888888' lw 1 dt 3
set style line 10 lc rgb '#9467bd' lw 1.5 pt 3 ps 1.2

# A line of slope 1 through who-can-help at 10,000 members: cost in proportion to members.
linear(x) = 306.0 * x / 10000

plot \
  suite index 0 using 1:2 with linespoints ls 1 title 'who-can-help p50', \
  suite index 0 using 1:3 with linespoints ls 2 title 'who-can-help p99', \
  suite index 1 using 1:2 with linespoints ls 3 title 'refer with buddy p50', \
  suite index 1 using 1:3 with linespoints ls 4 title 'refer with buddy p99', \
  suite index 2 using 1:2 with linespoints ls 5 title 'give p50', \
  suite index 2 using 1:3 with linespoints ls 6 title 'give p99', \
  baseline using 1:2 with linespoints ls 7 title 'who-can-help, numpy baseline p50', \
  baseline using 1:3 with linespoints ls 8 title 'who-can-help, numpy baseline p99', \
  baseline using 1:4 with linespoints ls 10 title 'who-can-help, Stitch in the baseline run p50', \
  linear(x) with lines ls 9 title 'in proportion to members (slope 1)', \
  '+' using (100000):(250) every ::0::0 with points pt 2 ps 2 lw 2 lc rgb '#1f77b4' title 'target at 100k: who-can-help p99 ≤ 250 µs', \
  '+' using (100000):(1000) every ::0::0 with points pt 2 ps 2 lw 2 lc rgb '#d62728' title 'target at 100k: refer with buddy p99 ≤ 1 ms'
