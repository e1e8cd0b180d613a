/// The publish API's OpenAPI 3.1 description, served at /ebox/api/openapi.yaml and checked against the routes by the tests.
enum PublishAPIDescription {
    static let yaml = #"""
    openapi: 3.1.0
    info:
      title: PersoPoint eBox publish API
      version: 1.0.0
      summary: How a public service puts official documents into a person's eBox.
      description: |
        A registered sender (a public service) publishes a message, the main document and up to six
        attachments, into the eBox of a person identified by their Belgian national register number. The
        person is told by e-mail and reads the message in their eBox; for registered mail the sender can
        fetch a signed receipt.

        Authentication: every message operation needs `Authorization: Bearer <access token>`. The token
        comes from the gateway's token endpoint (found in the discovery document at
        `/fas/oauth2/.well-known/openid-configuration`) with the client credentials grant, the client's
        id and secret in HTTP Basic (client_secret_basic) and `scope=ebox:publish`. The client must also be
        registered as an eBox sender, with the message types it may publish.

        Digests: every file is identified by its SHA-256, written in base64url without padding (43
        characters), for example `47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU` for an empty file.

        Idempotency: the sender chooses the message id. Sending the same message (same id, recipient and
        digests) again is safe: it answers 200 with the message already stored, and the person still has
        one document. Reusing a message id for something else is refused (409 MESSAGE_ID_REUSED).

        Errors are JSON objects `{"code": "STABLE_CODE", "message": "human text"}`; programs should act on
        `code`, which never changes, and show `message` to people.
    servers:
      - url: /
        description: The PersoPoint server itself (its public URL).
    tags:
      - name: messages
        description: Publishing messages and following them up.
      - name: keys
        description: The keys that sign registered-mail receipts.
    paths:
      /ebox/api/v1/messages:
        post:
          tags: [messages]
          operationId: publishMessage
          summary: Publish a message into a person's eBox.
          description: |
            Send `multipart/form-data` with the `metadata` part first (JSON), then the `main` part (the main
            document), then zero to six attachments, each under a part name of your choice (unique). Every
            file part needs a filename, a Content-Type and a digest in `metadata.digests` under its part
            name, and every digest needs its part. The body is read as it arrives; an error stops the upload
            and nothing is stored.

            Allowed media types: application/pdf, image/png, image/jpeg, text/plain, text/csv,
            application/xml, application/vnd.oasis.opendocument.text and
            application/vnd.openxmlformats-officedocument.wordprocessingml.document. The main document must
            be application/pdf or text/plain. PDF, PNG and JPEG content must really be of that type (a PDF
            starts with `%PDF-`).

            Limits: 15 MiB per file, 50 MiB per message, 6 attachments.

            The recipient must have an activated eBox; if they have none the message is refused
            (422 NO_DIGITAL_USER) and nothing is kept, so the sender can send it on paper instead.
          security:
            - bearerAuth: []
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema:
                  type: object
                  required: [metadata, main]
                  properties:
                    metadata:
                      $ref: '#/components/schemas/MessageMetadata'
                    main:
                      type: string
                      format: binary
                      description: The main document, application/pdf or text/plain, at most 15 MiB.
                  additionalProperties:
                    type: string
                    format: binary
                    description: An attachment (at most six, at most 15 MiB each), under its own part name.
                  maxProperties: 8
                encoding:
                  metadata:
                    contentType: application/json
                  main:
                    contentType: application/pdf, text/plain
          responses:
            '201':
              description: The message is in the person's eBox.
              headers:
                Location:
                  description: Where to follow the message up, `/ebox/api/v1/messages/{messageId}`.
                  schema:
                    type: string
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/MessageStatus'
            '200':
              description: |
                The same message (same message id, recipient and digests) was already published; nothing new
                is stored and the answer describes the message as it is.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/MessageStatus'
            '400':
              description: |
                The request cannot be used: INVALID_REQUEST (not multipart/form-data, or no boundary),
                MALFORMED_MULTIPART (truncated or unparsable body), INVALID_METADATA (metadata missing, not
                the first part, not JSON, or a field out of bounds), MISSING_PART (no `main`, a digest without
                its part or a file part without its digest), INVALID_RECIPIENT (not a valid national register
                number).
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '401':
              $ref: '#/components/responses/Unauthorized'
            '403':
              description: |
                INSUFFICIENT_SCOPE (the token lacks `ebox:publish`), UNKNOWN_SENDER (the client is not a
                registered sender) or MESSAGE_TYPE_NOT_ALLOWED (the sender may not publish this type).
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '409':
              description: MESSAGE_ID_REUSED, the message id was already used for another message (other recipient or other files).
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '413':
              description: PART_TOO_LARGE (a file over 15 MiB) or MESSAGE_TOO_LARGE (over 50 MiB in all).
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '415':
              description: MEDIA_TYPE_NOT_ALLOWED, a file's media type is not on the list, or its content is not what the type says.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '422':
              description: |
                NO_DIGITAL_USER (the recipient has no activated eBox; nothing is stored), DIGEST_MISMATCH
                (a file's SHA-256 is not the digest given for it) or TOO_MANY_ATTACHMENTS (more than six).
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '503':
              $ref: '#/components/responses/Unavailable'
      /ebox/api/v1/messages/{messageId}:
        get:
          tags: [messages]
          operationId: getMessageStatus
          summary: Follow up a message this sender published.
          description: Delivery, reading and notice status of one of the sender's own messages. Another sender's message is not found.
          security:
            - bearerAuth: []
          parameters:
            - $ref: '#/components/parameters/MessageId'
          responses:
            '200':
              description: The message.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/MessageStatus'
            '401':
              $ref: '#/components/responses/Unauthorized'
            '403':
              $ref: '#/components/responses/Forbidden'
            '404':
              description: NOT_FOUND, this sender published no message with this id.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '503':
              $ref: '#/components/responses/Unavailable'
      /ebox/api/v1/messages/{messageId}/receipt:
        get:
          tags: [messages]
          operationId: getReceipt
          summary: The signed receipt of a registered message.
          description: |
            For registered mail only. The receipt is a compact JWS (header `alg` ES256, `typ`
            `ebox-receipt+jwt`, `kid`) signed with a key of `/ebox/.well-known/jwks.json`. Its claims: `iss`
            (the eBox, `{public URL}/ebox`), `iat`, `jti`, `message_id` (your message id), `ebox_id` (the
            document's id), `sender` (your sender code), `recipient`, `type`, `digests` (the files' SHA-256,
            base64url without padding, by part name), `delivered_at` and, once the person has opened the
            message, `opened_at` (both in seconds since 1970). Fetch it again after opening to get `opened_at`.
          security:
            - bearerAuth: []
          parameters:
            - $ref: '#/components/parameters/MessageId'
          responses:
            '200':
              description: The receipt.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Receipt'
            '401':
              $ref: '#/components/responses/Unauthorized'
            '403':
              $ref: '#/components/responses/Forbidden'
            '404':
              description: NOT_FOUND (no such message from this sender) or NOT_REGISTERED_MAIL (the message is not registered mail, so it has no receipt).
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '503':
              $ref: '#/components/responses/Unavailable'
      /ebox/.well-known/jwks.json:
        get:
          tags: [keys]
          operationId: getReceiptKeys
          summary: The public keys that sign receipts.
          description: Public, no token needed. Pick the key by the receipt's `kid`; keys may be rotated, so fetch the set again for an unknown `kid`.
          security: []
          responses:
            '200':
              description: The key set.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/JWKS'
    components:
      securitySchemes:
        bearerAuth:
          type: http
          scheme: bearer
          bearerFormat: JWT
          description: |
            An access token of the gateway (`/fas/oauth2`): client credentials grant, client_secret_basic,
            `scope=ebox:publish`, for a client registered as an eBox sender.
      parameters:
        MessageId:
          name: messageId
          in: path
          required: true
          description: The sender's own message id, as given in `metadata.messageId`.
          schema:
            type: string
            pattern: '^[A-Za-z0-9._:-]{1,128}$'
      responses:
        Unauthorized:
          description: UNAUTHORIZED, no bearer token, or one that is invalid or expired.
          headers:
            WWW-Authenticate:
              description: '`Bearer`, with the error when a token was given.'
              schema:
                type: string
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
        Forbidden:
          description: INSUFFICIENT_SCOPE (the token lacks `ebox:publish`) or UNKNOWN_SENDER (the client is not a registered sender).
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
        Unavailable:
          description: |
            TEMPORARILY_UNAVAILABLE: the eBox could not handle the request (its database or disk). Try again later;
            publishing is idempotent on the message id, so a retry never makes a second document.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
      schemas:
        Digest:
          type: string
          description: SHA-256 of the file, base64url without padding (43 characters).
          pattern: '^[A-Za-z0-9_-]{43}$'
          examples: ['47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU']
        NationalRegisterNumber:
          type: string
          description: A Belgian national register number, 11 digits without separators; its check digits are verified.
          pattern: '^[0-9]{11}$'
          examples: ['85073003328']
        Timestamp:
          type: string
          format: date-time
          description: UTC, to the second, for example `2026-11-30T10:00:00Z`.
          pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'
        MessageMetadata:
          type: object
          description: What the message is and for whom; the first part of the upload, as application/json.
          required: [recipient, messageId, type, language, subject, digests]
          properties:
            recipient:
              $ref: '#/components/schemas/NationalRegisterNumber'
            messageId:
              type: string
              description: |
                Your own unique id for this message (1 to 128 letters, digits and `. _ : -`). Send a message
                again under the same id when unsure it arrived: it is stored once.
              pattern: '^[A-Za-z0-9._:-]{1,128}$'
            type:
              type: string
              minLength: 1
              description: |
                The message type, one of those your sender registration allows (for example `payslip`,
                `registered_letter`); it also decides how long the document is kept.
              examples: [payslip]
            language:
              type: string
              enum: [fr, nl, de, en]
              description: The language of the message.
            subject:
              type: string
              minLength: 1
              maxLength: 200
              description: What the person sees in their mailbox.
            summary:
              type: string
              maxLength: 2000
              description: Optional short text shown with the message.
            registered:
              type: boolean
              default: false
              description: Registered mail; the receipt tells when it was delivered and first opened.
            digests:
              type: object
              description: The SHA-256 of every file part, by part name; `main` is always there.
              required: [main]
              additionalProperties:
                $ref: '#/components/schemas/Digest'
          examples:
            - recipient: '85073003328'
              messageId: hr-2026-10-payslip-85073003328
              type: payslip
              language: fr
              subject: Fiche de paie — octobre 2026
              registered: false
              digests:
                main: 47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU
        MessageStatus:
          type: object
          description: A published message as the sender can follow it up.
          required: [id, messageId, recipient, type, registered, deliveredAt, expiresAt, readAt, firstOpenedAt, notice, files]
          properties:
            id:
              type: string
              format: uuid
              description: The document's id in the eBox.
            messageId:
              type: string
              description: Your message id.
              pattern: '^[A-Za-z0-9._:-]{1,128}$'
            recipient:
              $ref: '#/components/schemas/NationalRegisterNumber'
            type:
              type: string
            registered:
              type: boolean
            deliveredAt:
              $ref: '#/components/schemas/Timestamp'
            expiresAt:
              allOf:
                - $ref: '#/components/schemas/Timestamp'
              description: When the document will be deleted from the eBox (the type's validity after delivery).
            readAt:
              type: [string, 'null']
              format: date-time
              description: When the person first read it; null until then.
              pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'
            firstOpenedAt:
              type: [string, 'null']
              format: date-time
              description: When the person first opened it (what a registered-mail receipt certifies); null until then.
              pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'
            notice:
              $ref: '#/components/schemas/Notice'
            files:
              type: array
              minItems: 1
              items:
                $ref: '#/components/schemas/FileStatus'
        Notice:
          type: object
          description: The e-mail that tells the person about the message.
          required: [status, sentAt]
          properties:
            status:
              type: string
              enum: [pending, sent, failed, digest]
              description: pending (not sent yet), sent, failed (could not be delivered), digest (announced in the person's daily summary).
            sentAt:
              type: [string, 'null']
              format: date-time
              description: When it was sent; null until then.
              pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'
        FileStatus:
          type: object
          description: A file of the message as stored.
          required: [part, fileName, mediaType, size, sha256]
          properties:
            part:
              type: string
              description: The part name it was sent under (`main` for the main document).
            fileName:
              type: string
            mediaType:
              type: string
            size:
              type: integer
              minimum: 0
              description: Size in bytes.
            sha256:
              $ref: '#/components/schemas/Digest'
        Receipt:
          type: object
          required: [receipt]
          properties:
            receipt:
              type: string
              description: The compact JWS (ES256, typ `ebox-receipt+jwt`), verifiable with `/ebox/.well-known/jwks.json`.
              pattern: '^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'
        Error:
          type: object
          required: [code, message]
          properties:
            code:
              type: string
              description: A stable code for programs.
              enum:
                - UNAUTHORIZED
                - INSUFFICIENT_SCOPE
                - UNKNOWN_SENDER
                - INVALID_REQUEST
                - MALFORMED_MULTIPART
                - INVALID_METADATA
                - MISSING_PART
                - INVALID_RECIPIENT
                - NO_DIGITAL_USER
                - MESSAGE_TYPE_NOT_ALLOWED
                - DIGEST_MISMATCH
                - TOO_MANY_ATTACHMENTS
                - MEDIA_TYPE_NOT_ALLOWED
                - PART_TOO_LARGE
                - MESSAGE_TOO_LARGE
                - MESSAGE_ID_REUSED
                - NOT_FOUND
                - NOT_REGISTERED_MAIL
                - TEMPORARILY_UNAVAILABLE
            message:
              type: string
              description: What went wrong, for people.
        JWKS:
          type: object
          required: [keys]
          properties:
            keys:
              type: array
              minItems: 1
              items:
                type: object
                required: [kty, crv, kid, use, alg, x, y]
                properties:
                  kty:
                    const: EC
                  crv:
                    const: P-256
                  kid:
                    type: string
                  use:
                    const: sig
                  alg:
                    const: ES256
                  x:
                    type: string
                  y:
                    type: string
    """#
}
