package dev.sonority.inference.download;

/** Receives progress while a model's files are fetched; called from the downloading thread. */
@FunctionalInterface
public interface DownloadProgress {

    /**
     * @param file the manifest path of the file being fetched
     * @param bytesDone bytes of the whole model on disk so far (resumed bytes included)
     * @param bytesTotal bytes of the whole model, or -1 where a size is not declared
     */
    void update(String file, long bytesDone, long bytesTotal);

    DownloadProgress NONE = (file, done, total) -> { };
}
