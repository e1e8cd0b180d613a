// SelfService: PersoSelfService, the HR self-service application (issue 6). Until then the portal
// shows its tile with a page that says it is not available yet.
import Messaging
import PersoCore
import RelyingParty
