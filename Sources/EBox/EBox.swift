// EBox: the personal mailbox for official documents and its publish API. Until it comes, the portal
// shows its tile with a page that says it is not available yet.
import Messaging
import PersoCore
import RelyingParty
