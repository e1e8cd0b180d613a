import FluentKit
import Gateway
import Messaging
import PersoCore
import SelfService

/// Every part's tables, in the order they depend on each other.
public enum ProductMigrations {
    public static var all: [any Migration] {
        CoreMigrations.all + MessagingMigrations.all + GatewayMigrations.all + SelfServiceModule.migrations
    }
}
