/// The addresses of the person's account area at the gateway, which applications link to ("my keys" from
/// PersoSelfService's home, "my activity" from the portal): part of the gateway's public face, like its discovery
/// document, so they are written once here for the gateway to route and the applications to link.
public enum AccountPages {
    public static let myKeys = "/fas/keys"
    public static let myActivity = "/fas/activity"
    public static let myPassword = "/fas/password"
}
