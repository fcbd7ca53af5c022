package dev.sonority.audio.dsp;

import static dev.sonority.audio.dsp.Close.assertClose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mel scales, mel filterbanks (Slaney and HTK scale, Slaney norm) and the chroma bank against the numpy reference. */
class FilterbankGoldenTest {

    private static final Golden BANKS = Golden.load("filterbanks");

    @Test
    void melScales() {
        double[] hz = BANKS.get("mel_scale_hz").values();
        double[] slaney = new double[hz.length];
        double[] htk = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            slaney[i] = MelScale.SLANEY.hzToMel(hz[i]);
            htk[i] = MelScale.HTK.hzToMel(hz[i]);
            assertClose("slaney round trip", new double[] {hz[i]}, new double[] {MelScale.SLANEY.melToHz(slaney[i])}, 1e-12, 1e-9);
            assertClose("htk round trip", new double[] {hz[i]}, new double[] {MelScale.HTK.melToHz(htk[i])}, 1e-12, 1e-9);
        }
        assertClose("slaney mels", BANKS.get("mel_scale_slaney").values(), slaney, 1e-9, 1e-12);
        assertClose("htk mels", BANKS.get("mel_scale_htk").values(), htk, 1e-9, 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"slaney_16000_512_40, SLANEY, 16000, 512, 40", "htk_16000_512_40, HTK, 16000, 512, 40"})
    void smallBanksEntirely(String label, MelScale scale, int sr, int nFft, int nMels) {
        MelFilterbank bank = MelFilterbank.of(sr, nFft, nMels, 0, sr / 2.0, scale, true);
        Golden.Matrix expected = BANKS.get("mel_" + label);
        assertClose(label, expected.values(), dense(bank), 1e-9, 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"slaney_22050_2048_128, SLANEY", "htk_22050_2048_128, HTK"})
    void defaultSizeBanks(String label, MelScale scale) {
        MelFilterbank bank = MelFilterbank.of(22050, 2048, 128, 0, 11025, scale, true);
        double[] all = dense(bank);
        int bins = bank.binCount();
        double[] rows = new double[4 * bins];
        int[] which = {0, 1, 64, 127};
        for (int i = 0; i < which.length; i++) {
            System.arraycopy(all, which[i] * bins, rows, i * bins, bins);
        }
        assertClose(label + " rows", BANKS.get("mel_" + label + "_rows_0_1_64_127").values(), rows, 1e-9, 1e-12);
        double[] sums = new double[128];
        for (int m = 0; m < 128; m++) {
            for (int k = 0; k < bins; k++) {
                sums[m] += all[m * bins + k];
            }
        }
        assertClose(label + " row sums", BANKS.get("mel_" + label + "_rowsums").values(), sums, 1e-9, 1e-12);
    }

    @Test
    void chromaBank() {
        ChromaFilterbank bank = ChromaFilterbank.of(22050, 512);
        double[] all = new double[12 * bank.binCount()];
        for (int c = 0; c < 12; c++) {
            for (int k = 0; k < bank.binCount(); k++) {
                all[c * bank.binCount() + k] = bank.weight(c, k);
            }
        }
        assertClose("chroma 22050/512", BANKS.get("chroma_22050_512").values(), all, 1e-9, 1e-14);
    }

    private static double[] dense(MelFilterbank bank) {
        double[] out = new double[bank.bandCount() * bank.binCount()];
        for (int m = 0; m < bank.bandCount(); m++) {
            for (int k = 0; k < bank.binCount(); k++) {
                out[m * bank.binCount() + k] = bank.weight(m, k);
            }
        }
        return out;
    }
}
