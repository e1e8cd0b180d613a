// MobileID: the itsme-style mobile identity service (enrolment, device pages, CIBA provider).
// Like any relying party it proves identity through the gateway, over OpenID Connect.
import Messaging
import PersoCore
import RelyingParty
