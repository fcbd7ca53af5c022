package dev.sonority.web;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;

/**
 * Puts {@link JsonErrorReportValve} in place of the host's {@link ErrorReportValve}. The host adds its valve
 * when it starts, just before it starts the context, so the swap happens as the context is about to start.
 */
public class TomcatFrontDoor implements TomcatContextCustomizer {

    private final ErrorResponder responder;

    public TomcatFrontDoor(ErrorResponder responder) {
        this.responder = responder;
    }

    @Override
    public void customize(Context context) {
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                replaceErrorValve(host.getPipeline());
            }
        });
    }

    private void replaceErrorValve(Pipeline pipeline) {
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof JsonErrorReportValve) {
                return;
            }
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new JsonErrorReportValve(responder));
    }
}
