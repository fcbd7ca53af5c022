package dev.sonority.inference.download;

/** A model whose weights are licensed for non-commercial use only was asked for without accepting that licence. */
public class LicenceNotAcceptedException extends DownloadException {

    private final String licence;

    public LicenceNotAcceptedException(String model, String licence) {
        super("Model '" + model + "' is licensed " + licence + ": its weights may not be used commercially. Nothing"
                + " was downloaded; accept the licence with ?accept_licence=true (./sonority models pull " + model
                + " --accept-licence) or MODELS_ACCEPT_LICENCE=true.");
        this.licence = licence;
    }

    public String licence() {
        return licence;
    }
}
