package org.tributary.server;

import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.rtsp.RtspMethod;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;
import org.tributary.rtsp.RtspStatus;
import org.tributary.rtsp.RtspUri;

import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Answers requests by method (RFC 2326 §10): checks what every request must carry (version, CSeq),
 * asks the access check for requests on a media path, and answers what is implemented.
 */
public final class RtspMethodHandler implements RequestHandler {

    private static final Logger LOG = Logger.getLogger(RtspMethodHandler.class.getName());

    /** The methods this server answers; the Public header of OPTIONS lists them. */
    private static final Set<RtspMethod> IMPLEMENTED = EnumSet.of(RtspMethod.OPTIONS);

    private static final Set<RtspMethod> READ_METHODS = EnumSet.of(RtspMethod.DESCRIBE, RtspMethod.SETUP,
            RtspMethod.PLAY);
    private static final Set<RtspMethod> WRITE_METHODS = EnumSet.of(RtspMethod.ANNOUNCE, RtspMethod.RECORD);

    private final AccessCheck accessCheck;

    public RtspMethodHandler(AccessCheck accessCheck) {
        this.accessCheck = accessCheck;
    }

    @Override
    public RtspResponse handle(RtspRequest request, RtspConnection connection) {
        String cseq = request.cseq();
        if (!"RTSP/1.0".equals(request.version())) {
            return answer(RtspStatus.VERSION_NOT_SUPPORTED, cseq);
        }
        if (cseq == null || !cseq.trim().matches("\\d{1,10}")) {
            LOG.info(connection.logPrefix() + request.methodToken() + " without a valid CSeq; answering 400");
            return answer(RtspStatus.BAD_REQUEST, null);
        }
        RtspMethod method = request.method();
        AccessAction action = READ_METHODS.contains(method) ? AccessAction.READ
                : WRITE_METHODS.contains(method) ? AccessAction.WRITE : null;
        if (action != null) {
            RtspResponse refusal = checkAccess(request, connection, action);
            if (refusal != null) {
                return refusal;
            }
        }
        if (method == RtspMethod.OPTIONS) {
            return answer(RtspStatus.OK, cseq).header("Public", publicMethods());
        }
        LOG.fine(connection.logPrefix() + request.methodToken() + " is not implemented; answering 501");
        return answer(RtspStatus.NOT_IMPLEMENTED, cseq).header("Public", publicMethods());
    }

    private RtspResponse checkAccess(RtspRequest request, RtspConnection connection, AccessAction action) {
        String path;
        try {
            path = RtspUri.path(request.uri());
        } catch (IllegalArgumentException e) {
            LOG.info(connection.logPrefix() + e.getMessage() + "; answering 400");
            return answer(RtspStatus.BAD_REQUEST, request.cseq());
        }
        String client = connection.remoteAddress().getAddress().getHostAddress();
        AccessRequest accessRequest = new AccessRequest("rtsp", action, path, client, request.header("User-Agent"));
        try {
            AccessDecision decision = accessCheck.check(accessRequest);
            if (!decision.allowed()) {
                LOG.warning(connection.logPrefix() + "refused " + request.methodToken() + " " + path + " for "
                        + client + ": " + decision.reason());
                return answer(RtspStatus.FORBIDDEN, request.cseq());
            }
            return null;
        } catch (AccessCheck.AccessUnavailableException e) {
            LOG.severe(connection.logPrefix() + "no access decision for " + path + ": " + e.getMessage()
                    + "; answering 503");
            return answer(RtspStatus.SERVICE_UNAVAILABLE, request.cseq());
        }
    }

    private static String publicMethods() {
        return IMPLEMENTED.stream().map(m -> m.name()).collect(Collectors.joining(", "));
    }

    static RtspResponse answer(RtspStatus status, String cseq) {
        RtspResponse response = new RtspResponse(status);
        if (cseq != null) {
            response.header("CSeq", cseq.trim());
        }
        return response;
    }
}
