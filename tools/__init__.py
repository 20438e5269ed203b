"""Developer tools that are neither the site, the lead service nor the tests: benchmarks (bench/), screenshots."""
