// RelyingParty: the OpenID Connect client every application uses, and the 20-minute session (issue 6).
// It talks to the gateway over HTTP only, so it imports PersoCore and nothing of the gateway.
import PersoCore
