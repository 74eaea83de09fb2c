package org.libvirt4j;

/**
 * One credential libvirt asks for while opening a connection (Go's
 * {@code ConnectCredential}). The callback answers by calling {@link #setResult(String)}.
 */
public final class ConnectCredential {
    private final int typeValue;
    private final String prompt;
    private final String challenge;
    private final String defResult;
    private volatile String result;

    /**
     * Creates a request; backends call this.
     *
     * @param typeValue the raw {@code virConnectCredentialType}
     * @param prompt the prompt to show
     * @param challenge extra challenge data, or {@code null}
     * @param defResult the default answer, or {@code null}
     */
    public ConnectCredential(int typeValue, String prompt, String challenge, String defResult) {
        this.typeValue = typeValue;
        this.prompt = prompt;
        this.challenge = challenge;
        this.defResult = defResult;
    }

    /** @return the decoded credential type */
    public ConnectCredentialType type() {
        return ConnectCredentialType.fromValue(typeValue);
    }

    /** @return the raw {@code virConnectCredentialType} */
    public int typeValue() {
        return typeValue;
    }

    /** @return the prompt to show */
    public String prompt() {
        return prompt;
    }

    /** @return the challenge, or {@code null} */
    public String challenge() {
        return challenge;
    }

    /** @return the default answer, or {@code null} */
    public String defResult() {
        return defResult;
    }

    /** @return the answer set by the callback, or {@code null} for none */
    public String result() {
        return result;
    }

    /** @param result the answer to send, {@code null} for none */
    public void setResult(String result) {
        this.result = result;
    }
}
