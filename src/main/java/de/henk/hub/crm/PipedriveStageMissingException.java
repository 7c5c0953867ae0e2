package de.henk.hub.crm;

/**
 * The stage new deals go to cannot be told: the configured initial stage or pipeline does not exist, or the
 * pipeline's name is not unique — a configuration error, shown by health.
 */
public class PipedriveStageMissingException extends IllegalStateException {

    private PipedriveStageMissingException(String message) {
        super(message);
    }

    static PipedriveStageMissingException stage(String stageName) {
        return new PipedriveStageMissingException("Pipedrive has no stage named '" + stageName
                + "' (henk.pipedrive.initial-stage)");
    }

    static PipedriveStageMissingException stageIn(String stageName, String pipelineName) {
        return new PipedriveStageMissingException("Pipedrive has no stage named '" + stageName + "' in the pipeline '"
                + pipelineName + "' (henk.pipedrive.initial-stage, henk.pipedrive.pipeline)");
    }

    static PipedriveStageMissingException pipeline(String pipeline) {
        return new PipedriveStageMissingException("Pipedrive has no pipeline with the id or name '" + pipeline
                + "' (henk.pipedrive.pipeline)");
    }

    static PipedriveStageMissingException ambiguousPipeline(String name, String ids) {
        return new PipedriveStageMissingException("Pipedrive has several pipelines named '" + name + "' (ids " + ids
                + "): set henk.pipedrive.pipeline to the id of the one new deals go to");
    }
}
