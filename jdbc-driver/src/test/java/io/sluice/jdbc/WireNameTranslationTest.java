package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.io.IOException;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.Test;

class WireNameTranslationTest {
    private static final String RELOCATED = "io.sluice.jdbc.shaded.avatica.proto.";

    @Test
    void wirePackage_isAvaticasProtoPackage() {
        assertThat(WireNameTranslation.WIRE_PACKAGE).isEqualTo("org.apache.calcite.avatica.proto.");
    }

    @Test
    void create_withoutRelocation_isAvaticasTranslation() {
        assertThat(WireNameTranslation.create()).isInstanceOf(ProtobufTranslationImpl.class);
    }

    @Test
    void rename_rewritesPackageAndKeepsPayload() throws IOException {
        ByteString payload = ByteString.copyFromUtf8("payload bytes");
        byte[] message = Common.WireMessage.newBuilder()
                .setName(RELOCATED + "Requests$OpenConnectionRequest")
                .setWrappedMessage(payload)
                .build()
                .toByteArray();

        Common.WireMessage renamed = Common.WireMessage.parseFrom(
                WireNameTranslation.rename(message, RELOCATED, WireNameTranslation.WIRE_PACKAGE));

        assertThat(renamed.getName()).isEqualTo("org.apache.calcite.avatica.proto.Requests$OpenConnectionRequest");
        assertThat(renamed.getWrappedMessage()).isEqualTo(payload);
    }

    @Test
    void rename_otherPackage_leavesMessageAlone() throws IOException {
        byte[] message = new ProtobufTranslationImpl().serializeRequest(new Service.CatalogsRequest("c"));

        assertThat(WireNameTranslation.rename(message, RELOCATED, WireNameTranslation.WIRE_PACKAGE))
                .isSameAs(message);
    }
}
