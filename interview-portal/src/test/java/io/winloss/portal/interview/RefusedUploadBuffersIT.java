package io.winloss.portal.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.winloss.portal.PortalClient;
import io.winloss.portal.PortalProcess;

/**
 * A refused upload gives back every network buffer it took. The packaged portal runs with Netty's paranoid leak
 * detector, which logs "LEAK:" for each buffer collected without being released; a dozen 35 MB transcripts (the limit
 * is 20 MB) are refused (413), then the portal collects its garbage and serves more requests, which is when the
 * detector reports. The multipart reader's own part-size check used to leave a buffer behind in about one refusal in
 * three, more the further the part ran past it; the limit is now checked by the portal alone.
 */
class RefusedUploadBuffersIT {

    static final String ADMIN = "admin@example.test";
    static final String PASSWORD = "correct-horse-battery";
    static final int REFUSED_UPLOADS = 12;

    @Test
    void transcriptsOverTheLimitAreRefusedWithoutLeakingBuffers() throws Exception {
        Path data = Files.createTempDirectory("refused-uploads");
        Map<String, String> settings = Map.of("PORTAL_ADMIN_EMAIL", ADMIN, "PORTAL_ADMIN_PASSWORD", PASSWORD, "PORTAL_ROLES", "web");
        try (PortalProcess portal = new PortalProcess(data, settings).withJvmOption("-Dio.netty.leakDetection.level=paranoid")
                .start()) {
            PortalClient api = new PortalClient(portal.baseUrl(), ADMIN, PASSWORD);
            String dealId = api.createDeal("Initech");
            String tooLong = "Buyer: the price was the problem, honestly.\n".repeat((int) (TranscriptFiles.MAX_BYTES * 7 / 4) / 44);
            for (int i = 0; i < REFUSED_UPLOADS; i++) {
                HttpResponse<String> refused = api.upload(dealId, "long-" + i + ".txt", tooLong, "Ann");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
            }
            for (int round = 0; round < 3; round++) {
                portal.collectGarbage();
                for (int i = 0; i < 30; i++) {
                    assertThat(api.getJson("/api/deals").statusCode()).isEqualTo(200);
                }
            }
            assertThat(api.getJson("/api/deals/" + dealId + "/interviews").body()).as("nothing refused was stored")
                    .doesNotContain("long-");
            assertThat(portal.log()).as("Netty's leak reports").doesNotContain("LEAK:");
        }
    }
}
