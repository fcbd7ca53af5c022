package dev.sonority.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchMainTest {

    @Test
    void everyNameIsUniqueAndTheBuiltBenchesResolve() {
        assertThat(BenchMain.BENCHES).extracting(BenchMain.Bench::name).doesNotHaveDuplicates();
        assertThat(BenchMain.BENCHES.stream().filter(b -> b.name().equals("decode") || b.name().equals("tags")))
                .allSatisfy(b -> assertThat(b.main()).as(b.className()).isPresent());
    }

    @Test
    void theListMarksProgramsThatAreMissing() {
        BenchMain.Bench missing = new BenchMain.Bench("x", "dev.sonority.bench.NoSuchBench", "nothing");
        assertThat(missing.main()).isEmpty();
        assertThat(BenchMain.list()).contains("  decode    decode to 16 kHz mono").doesNotContain("decode to 16 kHz mono per format, x realtime per core (goal >= 300x) vs source-rate decode and file read (not available yet)");
    }
}
