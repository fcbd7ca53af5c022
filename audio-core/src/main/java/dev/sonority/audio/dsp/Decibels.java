package dev.sonority.audio.dsp;

/** Power to decibels as {@code librosa.power_to_db}. */
public final class Decibels {

    /** librosa's defaults: {@code ref=1.0, amin=1e-10, top_db=80}. */
    public static final double REF = 1.0;
    public static final double AMIN = 1e-10;
    public static final double TOP_DB = 80.0;

    private Decibels() {}

    /**
     * Converts {@code values[from..to)} in place to {@code 10 log10(max(amin, x)) - 10 log10(max(amin, ref))},
     * then clips everything below {@code max - topDb} (the maximum over the whole range, as librosa does over
     * the whole spectrogram). {@code topDb <= 0} or NaN disables the clipping.
     */
    public static void powerToDb(double[] values, int from, int to, double ref, double amin, double topDb) {
        double offset = 10.0 * Math.log10(Math.max(amin, ref));
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double db = 10.0 * Math.log10(Math.max(amin, values[i])) - offset;
            values[i] = db;
            max = Math.max(max, db);
        }
        if (topDb > 0) {
            double floor = max - topDb;
            for (int i = from; i < to; i++) {
                values[i] = Math.max(values[i], floor);
            }
        }
    }

    /** {@link #powerToDb(double[], int, int, double, double, double)} with librosa's defaults. */
    public static void powerToDb(double[] values, int from, int to) {
        powerToDb(values, from, to, REF, AMIN, TOP_DB);
    }
}
