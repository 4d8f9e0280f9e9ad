/// Field and key-segment names that look like credentials or personal data: `password`,
/// `password_hash`, `passwd`, `secret`, `token`, `api_key`, `ssn`, `card_number`, `cvv`, …
/// Matching ignores case and every byte that is not a letter or digit (`API-Key` = `apikey`).
public enum SecretNames {
    /// Normalised names that match exactly.
    static let exact: Set<String> = [
        "password", "passwd", "pwd", "pass", "passphrase", "passwordhash", "passwordsalt", "hashedpassword",
        "secret", "clientsecret", "secretkey", "token", "accesstoken", "refreshtoken", "authtoken", "idtoken",
        "sessiontoken", "apikey", "apisecret", "apitoken", "privatekey", "ssn", "socialsecuritynumber",
        "card", "cardnumber", "creditcard", "creditcardnumber", "ccnumber", "pan", "cvv", "cvc", "cvv2",
        "pin", "iban", "otpsecret", "totpsecret", "mfasecret",
    ]
    /// Normalised endings that match (`stripe_secret`, `github_token`, `user_password`).
    static let endings = ["password", "passwd", "passwordhash", "secret", "token", "apikey", "privatekey", "cardnumber"]

    /// True when `name` looks like a credential.
    public static func matches(_ name: some Collection<UInt8>) -> Bool {
        guard name.count <= 64 else { return false }
        var normal = ""
        for byte in name {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): normal.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): normal.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
            default: continue
            }
        }
        guard !normal.isEmpty else { return false }
        if exact.contains(normal) { return true }
        return endings.contains { normal.count > $0.count && normal.hasSuffix($0) }
    }
}
