package io.modeltrust.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real SMTP server (GreenMail) on a free port for every test application, which quarkus.mailer sends
 * to. The tests read what a mailbox received over POP3, as a mail client would: the application and the
 * tests share the JVM, not their class loaders, so the POP3 port is handed over as a system property.
 * GreenMail opens a mailbox for each address it receives for, with the address as login and password.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    /** One message as received: its text part and its attachments. */
    public record Received(String subject, List<String> to, String from, String text, List<Attachment> attachments) {
    }

    public record Attachment(String name, String contentType, byte[] data) {
    }

    private static final String POP3_PORT = "modeltrust.test.pop3.port";

    private GreenMail mail;

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
        mail.start();
        System.setProperty(POP3_PORT, Integer.toString(mail.getPop3().getPort()));
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        System.clearProperty(POP3_PORT);
        if (mail != null) {
            mail.stop();
        }
    }

    /** What the mailbox of {@code address} holds (nothing when no message reached it yet). */
    public static List<Received> mailbox(String address) {
        String port = System.getProperty(POP3_PORT);
        if (port == null) {
            throw new IllegalStateException("no SMTP server: SmtpServer is not a test resource of this application");
        }
        List<Received> out = new ArrayList<>();
        Properties props = new Properties();
        props.put("mail.pop3.connectiontimeout", "10000");
        props.put("mail.pop3.timeout", "10000");
        try {
            Store store = Session.getInstance(props).getStore("pop3");
            try {
                store.connect("127.0.0.1", Integer.parseInt(port), address, address);
            } catch (jakarta.mail.AuthenticationFailedException e) {
                return out; // no mailbox yet: nothing was received for the address
            }
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message m : inbox.getMessages()) {
                    List<String> to = new ArrayList<>();
                    for (Address a : m.getRecipients(Message.RecipientType.TO)) {
                        to.add(a.toString());
                    }
                    Object content = m.getContent(); // decoded, where the raw body may be quoted-printable
                    List<Attachment> attachments = new ArrayList<>();
                    String text = content instanceof Multipart parts ? parts(parts, attachments) : String.valueOf(content);
                    out.add(new Received(m.getSubject(), to, Arrays.toString(m.getFrom()), text, attachments));
                }
                inbox.close(false);
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("reading the mailbox of " + address + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The first text part of a multipart message; parts with a file name are collected as attachments. */
    private static String parts(Multipart parts, List<Attachment> attachments) throws MessagingException, IOException {
        String text = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                attachments.add(new Attachment(part.getFileName(), part.getContentType(),
                        part.getInputStream().readAllBytes()));
            } else if (part.getContent() instanceof Multipart nested) {
                String inner = parts(nested, attachments);
                text = text == null ? inner : text;
            } else if (text == null) {
                text = String.valueOf(part.getContent());
            }
        }
        return text == null ? "" : text;
    }
}
