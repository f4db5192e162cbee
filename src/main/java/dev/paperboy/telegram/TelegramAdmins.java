package dev.paperboy.telegram;

import dev.paperboy.core.command.Command;
import dev.paperboy.core.command.CommandDispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChatMember;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Tells Paperboy's configured admins and a group's own admins from everyone else, and shows each their menu. */
final class TelegramAdmins {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramAdmins.class);

    private final TelegramConnection connection;
    private final Set<String> configured;
    private final CommandDispatcher dispatcher;
    private final Clock clock;
    private final Duration chatAdminTtl;
    private final Map<String, AdminCheck> chatAdminCache = boundedMap(10_000);
    private final Map<String, Boolean> adminMenus = boundedMap(10_000);

    /**
     * @param configured   the user ids of {@code telegram.admins}
     * @param chatAdminTtl how long a getChatMember answer is trusted
     */
    TelegramAdmins(TelegramConnection connection, Set<String> configured, CommandDispatcher dispatcher, Clock clock,
                   Duration chatAdminTtl) {
        this.connection = connection;
        this.configured = Set.copyOf(configured);
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.chatAdminTtl = chatAdminTtl;
    }

    /** Whether the user is one of Paperboy's configured admins. */
    boolean isConfigured(String userId) {
        return configured.contains(userId);
    }

    /** Whether the user is the creator or an administrator of the chat, as getChatMember said lately. */
    boolean isChatAdmin(String chatId, long userId) {
        String key = chatId + ":" + userId;
        Instant now = clock.instant();
        synchronized (chatAdminCache) {
            AdminCheck cached = chatAdminCache.get(key);
            if (cached != null && cached.at().plus(chatAdminTtl).isAfter(now)) {
                return cached.admin();
            }
        }
        boolean isAdmin;
        try {
            ChatMember member = connection.execute(new GetChatMember(chatId, userId));
            isAdmin = "creator".equals(member.getStatus()) || "administrator".equals(member.getStatus());
        } catch (TelegramApiException e) {
            LOG.debug("Telegram: getChatMember in {} failed: {}", chatId, TelegramFailure.of(e, connection).summary());
            return false;
        }
        synchronized (chatAdminCache) {
            chatAdminCache.put(key, new AdminCheck(now, isAdmin));
        }
        return isAdmin;
    }

    /**
     * Registers the menus by scope: everyone sees the public commands; in private chats, where anyone may
     * manage their own subscriptions, and to a group's administrators, the chat-admin commands too; plain
     * group members only the public ones. Each configured admin's private chat gets every command.
     */
    void registerMenus() {
        List<Command> all = dispatcher.registry().all();
        List<BotCommand> everyone = menu(all.stream().filter(c -> !c.adminOnly() && !c.chatAdminOnly()).toList());
        List<BotCommand> chatAdmins = menu(all.stream().filter(c -> !c.adminOnly()).toList());
        List<BotCommand> withAdmin = menu(all);
        setCommands(everyone, new BotCommandScopeDefault(), "everyone");
        setCommands(chatAdmins, new BotCommandScopeAllPrivateChats(), "private chats");
        setCommands(everyone, new BotCommandScopeAllGroupChats(), "group members");
        setCommands(chatAdmins, new BotCommandScopeAllChatAdministrators(), "group administrators");
        if (withAdmin.size() == chatAdmins.size()) {
            return;
        }
        for (String admin : configured) {
            // A private chat's id is the user's id; this fails until the admin has started the bot,
            // and is tried again when they first write to it (see showAdminMenu).
            if (setCommands(withAdmin, new BotCommandScopeChat(admin), null)) {
                adminMenus.put(admin + ":" + admin, true);
            } else {
                LOG.info("Telegram: admin {} has not started a chat with the bot yet; their menu shows the admin "
                        + "commands after they write to it", admin);
            }
        }
    }

    /** Shows the admin commands to a configured admin in this chat, once per chat. */
    void showAdminMenu(String chatId, String userId, boolean privateChat) {
        String key = chatId + ":" + userId;
        synchronized (adminMenus) {
            if (adminMenus.containsKey(key)) {
                return;
            }
            adminMenus.put(key, true);
        }
        List<BotCommand> withAdmin = menu(dispatcher.registry().all());
        BotCommandScope scope = privateChat ? new BotCommandScopeChat(chatId)
                : new BotCommandScopeChatMember(chatId, Long.parseLong(userId));
        setCommands(withAdmin, scope, null);
    }

    private static List<BotCommand> menu(List<Command> commands) {
        return commands.stream().limit(100).map(c -> new BotCommand(c.name(), c.description())).toList();
    }

    private boolean setCommands(List<BotCommand> commands, BotCommandScope scope, String what) {
        if (commands.isEmpty()) {
            return true;
        }
        try {
            connection.execute(SetMyCommands.builder().commands(commands).scope(scope).build());
            if (what != null) {
                LOG.info("Telegram: command menu for {}: {}", what,
                        commands.stream().map(BotCommand::getCommand).toList());
            }
            return true;
        } catch (TelegramApiException e) {
            LOG.debug("Telegram: setMyCommands for scope {} failed: {}", scope.getType(),
                    TelegramFailure.of(e, connection).summary());
            return false;
        }
    }

    private static <V> Map<String, V> boundedMap(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private record AdminCheck(Instant at, boolean admin) {
    }
}
