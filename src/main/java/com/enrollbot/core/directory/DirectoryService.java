package com.enrollbot.core.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import com.enrollbot.core.access.Caller;
import com.enrollbot.core.access.PeopleFinder;
import com.enrollbot.core.audit.AuditEntry;
import com.enrollbot.core.audit.AuditEntry.Outcome;
import com.enrollbot.core.audit.AuditLog;
import com.enrollbot.core.directory.DirectoryGateway.ConnectionCheck;
import com.enrollbot.core.directory.DirectoryGateway.PeopleSearch;
import com.enrollbot.core.directory.DirectoryStore.CheckResult;
import com.enrollbot.core.directory.DirectoryStore.Insertion;

/**
 * Registration and management of an organization's Entra ID directories, and the {@link DirectoryAccess} that
 * enrollment uses. Every admin operation is scoped to the caller's organization; role checks happen before
 * (in the router), so this class trusts that its caller is an admin of {@link Caller#orgId()}.
 * <p>
 * The secret is sealed before it is stored and opened only to build {@link DirectoryCredentials}; it never goes
 * into an outcome, an audit entry or an exception.
 */
public final class DirectoryService implements DirectoryAccess, PeopleFinder {

    public static final int MAX_NAME_LENGTH = 64;

    static final String NAME_MISSING = "Give the directory a name (1 to 64 characters).";
    static final String NAME_CONTROL = "Use letters, digits, spaces and punctuation only.";
    static final String TENANT_INVALID = "A tenant ID looks like 72f988bf-86f1-41af-91ab-2d7cd011db47: copy the"
            + " Directory (tenant) ID from the Overview page of the app registration.";
    static final String CLIENT_INVALID = "A client ID looks like 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d: copy the"
            + " Application (client) ID from the Overview page of the app registration.";
    static final String SECRET_MISSING = "Paste the client secret's Value (shown once, when you create it under"
            + " Certificates & secrets).";
    static final String EXPIRY_UNREADABLE = "Use a date like 2027-01-31, or leave it empty.";
    static final String EXPIRY_PAST = "That date has passed, so the secret has expired: create a new client secret"
            + " under Certificates & secrets.";
    static final String TENANT_TAKEN = "This Entra tenant is already registered (a tenant can be registered once)."
            + " Find it under Directories, or ask the admin who registered it.";
    static final String OTHER_TENANT_NEEDS_CHECK = "This tenant is not your organization's own, so it is saved only"
            + " once its connection check passes.";
    static final String FORM_STALE = "This form is out of date. Close it and press Register again.";

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int PEOPLE_SEARCH_LIMIT = 5;

    private final DirectoryStore store;
    private final SecretCipher cipher;
    private final DirectoryGateway gateway;
    private final AuditLog audit;
    private final Clock clock;
    private final CheckBudget budget;
    private final Executor background;
    /**
     * Opened secrets by directory, with the version they belong to. Every change of a secret bumps the version, so
     * an entry is used only while the directory is at that version (whichever instance changed it). It spares the
     * enrollment and helpdesk paths a database read and a decryption per Graph call.
     */
    private final Map<UUID, VersionedCredentials> openedSecrets = new ConcurrentHashMap<>();

    private record VersionedCredentials(long version, DirectoryCredentials credentials) {
    }

    public DirectoryService(DirectoryStore store, SecretCipher cipher, DirectoryGateway gateway, AuditLog audit,
                            Clock clock, CheckBudget budget, Executor background) {
        this.store = Objects.requireNonNull(store, "store");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.background = Objects.requireNonNull(background, "background");
    }

    // ---- DirectoryAccess: enrollment and helpdesk

    @Override
    public Optional<Directory> forTenant(String tenantId) {
        return isGuid(tenantId) ? store.findByTenant(tenantId.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    @Override
    public List<Directory> ofOrganization(String orgId) {
        return store.ofOrganization(Objects.requireNonNull(orgId, "orgId").toLowerCase(Locale.ROOT));
    }

    @Override
    public DirectoryCredentials credentialsOf(Directory directory) {
        VersionedCredentials opened = openedSecrets.get(directory.id());
        if (opened != null && opened.version() == directory.version()) {
            return opened.credentials();
        }
        SealedSecret sealed = store.secretOf(directory.id())
                .orElseThrow(() -> new SecretUnavailableException("directory " + directory.id() + " has no stored secret"));
        DirectoryCredentials credentials = credentials(directory, sealed);
        openedSecrets.put(directory.id(), new VersionedCredentials(directory.version(), credentials));
        return credentials;
    }

    // ---- admin operations

    public List<Directory> list(Caller caller) {
        return store.ofOrganization(caller.orgId());
    }

    public Optional<Directory> find(Caller caller, UUID id) {
        return store.find(caller.orgId(), id);
    }

    /** How many enrollments a directory holds, for the delete confirmation; empty if not the caller's. */
    public Optional<Integer> enrollmentCount(Caller caller, UUID id) {
        return store.find(caller.orgId(), id).map(directory -> store.enrollmentCount(caller.orgId(), id));
    }

    public DirectoryOutcome register(Caller caller, RegistrationForm form) {
        if (!isGuid(form.requestKey())) {
            return new DirectoryOutcome.Invalid(Map.of(DirectoryField.FORM, FORM_STALE));
        }
        // Keys are per organization, so a key forged from another organization's form finds nothing.
        String requestKey = caller.orgId() + ":" + form.requestKey().toLowerCase(Locale.ROOT);
        Optional<Directory> earlier = store.findByRequestKey(caller.orgId(), requestKey);
        if (earlier.isPresent()) {
            return new DirectoryOutcome.Saved(earlier.get());
        }
        Map<DirectoryField, String> errors = new EnumMap<>(DirectoryField.class);
        validateName(form.displayName(), errors);
        if (!isGuid(form.tenantId())) {
            errors.put(DirectoryField.TENANT_ID, TENANT_INVALID);
        } else if (store.findByTenant(form.tenantId().toLowerCase(Locale.ROOT)).isPresent()) {
            errors.put(DirectoryField.TENANT_ID, TENANT_TAKEN);
        }
        if (!isGuid(form.clientId())) {
            errors.put(DirectoryField.CLIENT_ID, CLIENT_INVALID);
        }
        if (form.secret().isEmpty()) {
            errors.put(DirectoryField.SECRET, SECRET_MISSING);
        }
        LocalDate expiresOn = expiry(form.secretExpiresOn(), null, errors);
        if (!errors.isEmpty()) {
            return new DirectoryOutcome.Invalid(errors);
        }

        UUID id = UUID.randomUUID();
        String tenantId = form.tenantId().toLowerCase(Locale.ROOT);
        String clientId = form.clientId().toLowerCase(Locale.ROOT);
        String subject = "'" + form.displayName() + "' (tenant " + tenantId + ")";
        Run run = check(new DirectoryCredentials(id, tenantId, clientId, form.secret()));
        if (!tenantId.equals(caller.orgId().toLowerCase(Locale.ROOT)) && !(run.done() instanceof ConnectionCheck.Connected)) {
            // Employees of a tenant enroll through the directory registered for it, whoever registered it: another
            // organization's tenant is taken only by an admin whose app there has just proven it can read users.
            forget(id);
            if (run.pending() != null) {
                run.pending().whenComplete((late, failure) -> forget(id));
            }
            DirectoryFault fault = run.failed() ? run.fault() : new DirectoryFault(DirectoryFault.Kind.TIMEOUT,
                    "no answer within " + budget.answerWithin().toMillis() + " ms");
            record(caller, "directory.register", id, Outcome.FAILED, subject + " not saved: another organization's"
                    + " tenant is saved only after a passing connection check, " + fault.kind() + " " + fault.detail());
            return new DirectoryOutcome.CheckFailed(fault, DirectoryAdvice.of(fault) + " " + OTHER_TENANT_NEEDS_CHECK);
        }
        if (run.failed() && !form.saveIfCheckFails()) {
            forget(id);
            DirectoryFault fault = run.fault();
            record(caller, "directory.register", id, Outcome.FAILED,
                    subject + " not saved: connection check failed, " + fault.kind() + " " + fault.detail());
            return new DirectoryOutcome.CheckFailed(fault, DirectoryAdvice.of(fault));
        }
        SealedSecret sealed = cipher.seal(form.secret(), id.toString());
        Insertion insertion = store.insert(new DirectoryStore.NewDirectory(id, caller.orgId(), form.displayName(),
                tenantId, clientId, sealed, expiresOn, run.result(clock), requestKey, caller.objectId()));
        if (insertion instanceof Insertion.RequestKeyTaken taken) {
            forget(id);
            return new DirectoryOutcome.Saved(taken.earlier());
        }
        if (insertion instanceof Insertion.TenantTaken) {
            forget(id);
            return new DirectoryOutcome.Invalid(Map.of(DirectoryField.TENANT_ID, TENANT_TAKEN));
        }
        Directory saved = ((Insertion.Inserted) insertion).directory();
        record(caller, "directory.register", id, Outcome.SUCCEEDED, subject + " saved as " + statusOf(saved));
        return finish(caller, saved, sealed, run);
    }

    public DirectoryOutcome update(Caller caller, UUID id, long version, ManageForm form) {
        Optional<Directory> found = store.find(caller.orgId(), id);
        if (found.isEmpty()) {
            return notFound(caller, "directory.update", id);
        }
        Directory current = found.get();
        if (current.version() != version) {
            return conflict(caller, "directory.update", current);
        }
        Map<DirectoryField, String> errors = new EnumMap<>(DirectoryField.class);
        validateName(form.displayName(), errors);
        LocalDate expiresOn = expiry(form.secretExpiresOn(), current.secretExpiresOn(), errors);
        if (!errors.isEmpty()) {
            return new DirectoryOutcome.Invalid(errors);
        }
        if (!form.rotatesSecret()) {
            return store.rename(caller.orgId(), id, version, form.displayName(), expiresOn)
                    .<DirectoryOutcome>map(renamed -> {
                        record(caller, "directory.edit", id, Outcome.SUCCEEDED, "'" + current.displayName() + "' is now '"
                                + renamed.displayName() + "', secret expires on " + orNone(renamed.secretExpiresOn()));
                        return new DirectoryOutcome.Saved(renamed);
                    })
                    .orElseGet(() -> conflictOrGone(caller, "directory.edit", id));
        }
        Run run = check(new DirectoryCredentials(id, current.tenantId(), current.clientId(), form.newSecret()));
        // The check cached a client for the new secret (or replaced the working one): start clean either way.
        forget(id);
        if (run.failed() && !form.saveIfCheckFails()) {
            DirectoryFault fault = run.fault();
            record(caller, "directory.rotate-secret", id, Outcome.FAILED,
                    "'" + current.displayName() + "' kept its old secret: the new one failed its check, " + fault.kind());
            return new DirectoryOutcome.CheckFailed(fault, DirectoryAdvice.of(fault));
        }
        SealedSecret sealed = cipher.seal(form.newSecret(), id.toString());
        Optional<Directory> rotated = store.replaceSecret(caller.orgId(), id, version, form.displayName(), expiresOn,
                sealed, run.result(clock));
        if (rotated.isEmpty()) {
            return conflictOrGone(caller, "directory.rotate-secret", id);
        }
        record(caller, "directory.rotate-secret", id, Outcome.SUCCEEDED,
                "'" + rotated.get().displayName() + "' has a new secret, " + statusOf(rotated.get()));
        return finish(caller, rotated.get(), sealed, run);
    }

    public DirectoryOutcome recheck(Caller caller, UUID id) {
        Optional<Directory> found = store.find(caller.orgId(), id);
        Optional<SealedSecret> sealed = found.flatMap(directory -> store.secretOf(id));
        if (found.isEmpty() || sealed.isEmpty()) {
            return notFound(caller, "directory.check", id);
        }
        Run run = check(credentials(found.get(), sealed.get()));
        if (run.pending() != null) {
            return new DirectoryOutcome.Checking(found.get(),
                    run.pending().thenApply(check -> recordCheck(caller, id, sealed.get(), check)));
        }
        return recordCheck(caller, id, sealed.get(), run.done())
                .<DirectoryOutcome>map(DirectoryOutcome.Saved::new)
                .orElseGet(() -> conflictOrGone(caller, "directory.check", id));
    }

    public DirectoryOutcome setEnabled(Caller caller, UUID id, long version, boolean enabled) {
        String action = enabled ? "directory.enable" : "directory.disable";
        return store.setEnabled(caller.orgId(), id, version, enabled)
                .<DirectoryOutcome>map(changed -> {
                    record(caller, action, id, Outcome.SUCCEEDED, "'" + changed.displayName() + "'");
                    return new DirectoryOutcome.Saved(changed);
                })
                .orElseGet(() -> conflictOrGone(caller, action, id));
    }

    public DirectoryOutcome delete(Caller caller, UUID id, long version) {
        Optional<Directory> found = store.find(caller.orgId(), id);
        if (found.isEmpty()) {
            return notFound(caller, "directory.delete", id);
        }
        int enrollments = store.enrollmentCount(caller.orgId(), id);
        if (!store.delete(caller.orgId(), id, version)) {
            return conflictOrGone(caller, "directory.delete", id);
        }
        forget(id);
        record(caller, "directory.delete", id, Outcome.SUCCEEDED, "'" + found.get().displayName() + "' (tenant "
                + found.get().tenantId() + ") with " + enrollments + " enrollment(s); its secret is erased");
        return new DirectoryOutcome.Deleted(found.get());
    }

    // ---- PeopleFinder: role grants by UPN or e-mail

    @Override
    public Lookup findPerson(String orgId, String upnOrMail) {
        String wanted = upnOrMail.strip();
        // The directory of the organization's own tenant knows its people best; then any that works.
        Optional<Directory> usable = store.ofOrganization(orgId).stream()
                .filter(Directory::enabled)
                .min(Comparator.comparing((Directory d) -> !d.tenantId().equals(orgId))
                        .thenComparing(d -> d.status() != DirectoryStatus.CONNECTED));
        if (usable.isEmpty()) {
            return new Lookup.Unresolved("I can look people up by UPN or e-mail only through a registered directory,"
                    + " and this organization has none enabled. Use their Entra object id instead.");
        }
        Directory directory = usable.get();
        PeopleSearch search = gateway.searchPeople(credentialsOf(directory), wanted, PEOPLE_SEARCH_LIMIT,
                budget.answerWithin());
        if (search instanceof PeopleSearch.Failed failed) {
            return new Lookup.Unresolved("I could not look '" + wanted + "' up in '" + directory.displayName() + "': "
                    + DirectoryAdvice.of(failed.fault()));
        }
        List<DirectoryProfile> exact = ((PeopleSearch.Found) search).people().stream()
                .filter(person -> wanted.equalsIgnoreCase(person.userPrincipalName()) || wanted.equalsIgnoreCase(person.mail()))
                .toList();
        if (exact.size() == 1) {
            DirectoryProfile person = exact.get(0);
            return new Lookup.Found(person.objectId().toLowerCase(Locale.ROOT),
                    person.displayName() == null ? wanted : person.displayName());
        }
        return new Lookup.Unresolved(exact.isEmpty()
                ? "Nobody in '" + directory.displayName() + "' has the UPN or e-mail '" + wanted + "'."
                : "Several people in '" + directory.displayName() + "' match '" + wanted + "'. Use their Entra object id.");
    }

    // ---- helpers

    private DirectoryOutcome finish(Caller caller, Directory saved, SealedSecret sealed, Run run) {
        if (run.pending() == null) {
            return new DirectoryOutcome.Saved(saved);
        }
        return new DirectoryOutcome.Checking(saved,
                run.pending().thenApply(check -> recordCheck(caller, saved.id(), sealed, check)));
    }

    private Optional<Directory> recordCheck(Caller caller, UUID id, SealedSecret sealed, ConnectionCheck check) {
        CheckResult result = resultOf(check, clock);
        Optional<Directory> recorded = store.recordCheck(caller.orgId(), id, sealed, result);
        recorded.ifPresent(directory -> record(caller, "directory.check", id, Outcome.SUCCEEDED,
                "'" + directory.displayName() + "' is " + statusOf(directory)
                        + (check instanceof ConnectionCheck.Failed failed ? " (" + failed.fault().kind() + " " + failed.fault().detail() + ")" : "")));
        return recorded;
    }

    /** Starts the check and waits for it at most the answer budget; a slower check goes on in the background. */
    private Run check(DirectoryCredentials credentials) {
        CompletableFuture<ConnectionCheck> running = CompletableFuture.supplyAsync(
                () -> gateway.checkConnection(credentials, budget.giveUpAfter()), background);
        try {
            return new Run(running.get(budget.answerWithin().toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            return new Run(null, running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(null, running);
        } catch (ExecutionException e) {
            // The gateway reports faults as values; an exception here is a defect, kept out of the chat.
            throw new IllegalStateException("connection check failed unexpectedly", e.getCause());
        }
    }

    private record Run(ConnectionCheck done, CompletableFuture<ConnectionCheck> pending) {
        boolean failed() {
            return done instanceof ConnectionCheck.Failed;
        }

        DirectoryFault fault() {
            return ((ConnectionCheck.Failed) done).fault();
        }

        CheckResult result(Clock clock) {
            return done == null ? new CheckResult(DirectoryStatus.UNCHECKED, null, null) : resultOf(done, clock);
        }
    }

    private static CheckResult resultOf(ConnectionCheck check, Clock clock) {
        Instant now = clock.instant();
        if (check instanceof ConnectionCheck.Failed failed) {
            return new CheckResult(DirectoryStatus.FAILING, DirectoryAdvice.of(failed.fault()), now);
        }
        return new CheckResult(DirectoryStatus.CONNECTED, null, now);
    }

    /** Drops what this instance keeps of a directory's secret: its Graph client (and token) and the opened secret. */
    private void forget(UUID id) {
        gateway.forget(id);
        openedSecrets.remove(id);
    }

    private DirectoryCredentials credentials(Directory directory, SealedSecret sealed) {
        return new DirectoryCredentials(directory.id(), directory.tenantId(), directory.clientId(),
                cipher.open(sealed, directory.id().toString()));
    }

    private DirectoryOutcome conflictOrGone(Caller caller, String action, UUID id) {
        return store.find(caller.orgId(), id)
                .map(current -> conflict(caller, action, current))
                .orElseGet(() -> notFound(caller, action, id));
    }

    private DirectoryOutcome conflict(Caller caller, String action, Directory current) {
        record(caller, action, current.id(), Outcome.REFUSED,
                "changed by someone else meanwhile; now at version " + current.version());
        return new DirectoryOutcome.Conflict(current);
    }

    private DirectoryOutcome notFound(Caller caller, String action, UUID id) {
        record(caller, action, id, Outcome.REFUSED, "no such directory in this organization");
        return new DirectoryOutcome.NotFound();
    }

    private void record(Caller caller, String action, UUID subject, Outcome outcome, String detail) {
        audit.append(new AuditEntry(caller.orgId(), caller.objectId(), action, subject.toString(), outcome, detail));
    }

    private static void validateName(String name, Map<DirectoryField, String> errors) {
        if (name.isEmpty()) {
            errors.put(DirectoryField.NAME, NAME_MISSING);
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            errors.put(DirectoryField.NAME, "Use at most " + MAX_NAME_LENGTH + " characters (this has "
                    + name.codePointCount(0, name.length()) + ").");
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.put(DirectoryField.NAME, NAME_CONTROL);
        }
    }

    /** Empty text means no expiry; a date already stored may stay even once it has passed. */
    private LocalDate expiry(String typed, LocalDate stored, Map<DirectoryField, String> errors) {
        if (typed.isEmpty()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            errors.put(DirectoryField.EXPIRES_ON, EXPIRY_UNREADABLE);
            return null;
        }
        if (date.isBefore(LocalDate.now(clock)) && !date.equals(stored)) {
            errors.put(DirectoryField.EXPIRES_ON, EXPIRY_PAST);
        }
        return date;
    }

    private static String statusOf(Directory directory) {
        return directory.status().name().toLowerCase(Locale.ROOT);
    }

    private static String orNone(LocalDate date) {
        return date == null ? "(not set)" : date.toString();
    }

    static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }
}
