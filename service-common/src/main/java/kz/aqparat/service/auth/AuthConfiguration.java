package kz.aqparat.service.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * {@code aqparat.auth.*}: the API keys ({@code keys}: {@code role:key,...}; {@code key-file}: one {@code role:key}
 * per line), whether {@code /prometheus} and health details are open to anyone ({@code public-management}), and the
 * origins whose pages may send writes ({@code allowed-origins}; none by default, not even localhost).
 */
@ConfigurationProperties("aqparat.auth")
public class AuthConfiguration {

    private String keys;
    private String keyFile;
    private boolean publicManagement;
    private List<String> allowedOrigins = List.of();

    @Nullable
    public String getKeys() {
        return keys;
    }

    public void setKeys(@Nullable String keys) {
        this.keys = keys;
    }

    @Nullable
    public String getKeyFile() {
        return keyFile;
    }

    public void setKeyFile(@Nullable String keyFile) {
        this.keyFile = keyFile;
    }

    public boolean isPublicManagement() {
        return publicManagement;
    }

    public void setPublicManagement(boolean publicManagement) {
        this.publicManagement = publicManagement;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
