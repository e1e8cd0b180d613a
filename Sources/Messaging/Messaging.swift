// Messaging: the durable outbox, the SMTP client, the SMS gateway and the delivery worker (issue 4).
// The room exists from the start so that its doors hold: it may import PersoCore only.
import PersoCore
