#include "ExportDialog.h"
#include "MainWindow.h"
#include "ReportPane.h"
#include "TestEnv.h"
#include "UiLanguage.h"

#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TranslationTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    struct Message
    {
        QString context, source, translation;
        bool unfinished = false;
        bool numerus = false;
    };
    static QList<Message> readTs(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QXmlStreamReader xml(&f);
        QList<Message> out;
        QString context;
        Message m;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("name"))
                    context = xml.readElementText();
                else if (xml.name() == QLatin1String("message")) {
                    m = Message{context, {}, {}, false, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
                } else if (xml.name() == QLatin1String("source"))
                    m.source = xml.readElementText();
                else if (xml.name() == QLatin1String("translation")) {
                    m.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                    if (!m.numerus)
                        m.translation = xml.readElementText();
                } else if (xml.name() == QLatin1String("numerusform"))
                    m.translation += xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                out.append(m);
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
    }

    void catalogueIsComplete()
    {
        const QList<Message> messages = readTs(TestEnv::sourceDir() + QStringLiteral("/translations/casebook_de.ts"));
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const Message &m : messages) {
            if (m.unfinished || m.translation.trimmed().isEmpty())
                problems.append(m.context + QStringLiteral(": ") + m.source);
            // Placeholders survive translation.
            for (int n = 1; n <= 9; ++n) {
                const QString ph = QLatin1Char('%') + QString::number(n);
                if (m.source.contains(ph) != m.translation.contains(ph))
                    problems.append(m.context + QStringLiteral(": placeholder ") + ph + QStringLiteral(" in ") + m.source);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // The catalogue embedded in the build answers every source string.
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/casebook_de.qm")));
        for (const Message &m : messages)
            if (!m.numerus)
                QVERIFY2(!t.translate(m.context.toUtf8().constData(), m.source.toUtf8().constData()).isEmpty(), qPrintable(m.source));
        QVERIFY(UiLanguage::available().contains(QStringLiteral("de")));
    }

    void runningWindowSpeaksGerman()
    {
        QCOMPARE(UiLanguage::install(QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("de"));
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QStringList menus;
            for (QAction *a : w.menuBar()->actions())
                menus.append(a->text());
            QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(','))));
            QVERIFY(menus.contains(QStringLiteral("&Hilfe")));
            QStringList tabs;
            for (int i = 0; i < w.workspaceTabs()->count(); ++i)
                tabs.append(w.workspaceTabs()->tabText(i));
            QVERIFY2(tabs.contains(QStringLiteral("&Zeitleiste")), qPrintable(tabs.join(QLatin1Char(','))));
            QVERIFY(tabs.contains(QStringLiteral("&Bericht")));
            ReportPane pane;
            pane.show();
            QCOMPARE(pane.findChild<QPushButton *>(QStringLiteral("reportSave"))->text(), QStringLiteral("Entwurf speichern"));
            ExportDialog d(m_dir.filePath(QStringLiteral("x.casebook")));
            QCOMPARE(d.windowTitle(), QStringLiteral("Fall exportieren / weitergeben"));
        }
        // Back to English: the source strings.
        UiLanguage::uninstall();
        ReportPane pane;
        QCOMPARE(pane.findChild<QPushButton *>(QStringLiteral("reportSave"))->text(), QStringLiteral("Save draft"));
        QCOMPARE(UiLanguage::install(QLocale(QLocale::English, QLocale::UnitedStates)), QString());
    }

    void programFollowsTheSystemLocale()
    {
        // The casebook program installs the catalogue of the locale it starts in.
        auto help = [](const QString &lang) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("LANGUAGE"));
            env.remove(QStringLiteral("LC_MESSAGES"));
            env.insert(QStringLiteral("LC_ALL"), lang);
            env.insert(QStringLiteral("LANG"), lang);
            p.setProcessEnvironment(env);
            p.start(TestEnv::binDir() + QStringLiteral("/casebook"), {QStringLiteral("--help")});
            p.waitForFinished(30000);
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        const QString de = help(QStringLiteral("de_DE.UTF-8"));
        QVERIFY2(de.contains(QStringLiteral("Casebook, die Werkbank für die Untersuchung von Linux-Störungen.")), qPrintable(de));
        const QString en = help(QStringLiteral("C.UTF-8"));
        QVERIFY2(en.contains(QStringLiteral("Casebook, the investigation workbench for Linux incident responders.")), qPrintable(en));
    }
};

QTEST_MAIN(TranslationTest)
#include "TranslationTest.moc"
