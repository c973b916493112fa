package io.sluice.jdbc;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * Avatica's protobuf translation that keeps the message names on the wire as Avatica spells them,
 * although the driver's copy of Avatica is relocated.
 *
 * <p>Avatica wraps every message in a {@code WireMessage} whose {@code name} is the Java class name
 * of the message ({@code org.apache.calcite.avatica.proto.Requests$PrepareAndExecuteRequest}), and
 * the receiver looks its parser up by that name. In the shaded jar those classes live under
 * {@code io.sluice.jdbc.shaded.avatica.proto}, so without this the gateway could not parse our
 * requests ("Cannot find request parser") nor we its responses. The names are rewritten between
 * the package the message classes have at run time and the {@code java_package} that their
 * {@code .proto} files declare, which relocation leaves alone because it sits inside the
 * descriptors embedded in the generated classes. Without relocation (the module's own tests) both
 * are the same and {@link #create()} returns Avatica's translation unwrapped.
 */
final class WireNameTranslation implements ProtobufTranslation {
    /** Package of Avatica's generated message classes at run time, relocated in the shaded jar. */
    static final String LOCAL_PACKAGE = Common.WireMessage.class.getPackageName() + ".";

    /** Package of Avatica's generated message classes as their .proto files declare it. */
    static final String WIRE_PACKAGE = Common.getDescriptor().getOptions().getJavaPackage() + ".";

    private final ProtobufTranslation delegate;

    private WireNameTranslation(ProtobufTranslation delegate) {
        this.delegate = delegate;
    }

    /** Returns Avatica's translation, wrapped if this copy of Avatica is relocated. */
    static ProtobufTranslation create() {
        ProtobufTranslation avatica = new ProtobufTranslationImpl();
        return LOCAL_PACKAGE.equals(WIRE_PACKAGE) ? avatica : new WireNameTranslation(avatica);
    }

    @Override
    public byte[] serializeRequest(Service.Request request) throws IOException {
        return rename(delegate.serializeRequest(request), LOCAL_PACKAGE, WIRE_PACKAGE);
    }

    @Override
    public byte[] serializeResponse(Service.Response response) throws IOException {
        return rename(delegate.serializeResponse(response), LOCAL_PACKAGE, WIRE_PACKAGE);
    }

    @Override
    public Service.Request parseRequest(byte[] bytes) throws IOException {
        return delegate.parseRequest(rename(bytes, WIRE_PACKAGE, LOCAL_PACKAGE));
    }

    @Override
    public Service.Response parseResponse(byte[] bytes) throws IOException {
        return delegate.parseResponse(rename(bytes, WIRE_PACKAGE, LOCAL_PACKAGE));
    }

    /** Rewrites the package prefix of a serialized WireMessage's name; copies the payload once. */
    static byte[] rename(byte[] message, String fromPackage, String toPackage) throws IOException {
        CodedInputStream input = CodedInputStream.newInstance(message);
        input.enableAliasing(true); // the wrapped message is not copied while parsing
        Common.WireMessage wire = Common.WireMessage.parseFrom(input);
        String name = wire.getName();
        if (!name.startsWith(fromPackage)) {
            return message;
        }
        return wire.toBuilder()
                .setName(toPackage + name.substring(fromPackage.length()))
                .build()
                .toByteArray();
    }
}
