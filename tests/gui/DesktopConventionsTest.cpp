// Desktop conventions of the workbench (issue #15.5): Help → Handbook (F1)
// opens the bundled documentation, whose links between documents all land;
// no two mnemonics (Alt+letter) are active at the same time.
#include "SampleCase.h"
#include "TestEnv.h"
#include "app/MainWindow.h"
#include "help/HandbookDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

class DesktopConventionsTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The mnemonic letter of a text ("Net&work" -> 'w'), or a null QChar.
    static QChar mnemonic(const QString &text)
    {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&'))
                continue;
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
        return {};
    }

    // Mnemonics a user can reach at once in window: the menu bar's titles and
    // every visible button, labelled field, group box and tab.
    static QStringList clashesIn(QWidget *window, const QString &where)
    {
        QHash<QChar, QStringList> owners;
        auto add = [&](const QString &text, const QString &what) {
            const QChar m = mnemonic(text);
            if (!m.isNull())
                owners[m].append(what + QStringLiteral(" \"") + text + QLatin1Char('"'));
        };
        if (auto *mw = qobject_cast<QMainWindow *>(window))
            for (QAction *a : mw->menuBar()->actions())
                add(a->text(), QStringLiteral("menu"));
        for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
            if (b->isVisibleTo(window) && !qobject_cast<QMenu *>(b->parentWidget()))
                add(b->text(), QStringLiteral("button"));
        for (QLabel *l : window->findChildren<QLabel *>())
            if (l->isVisibleTo(window) && l->buddy())
                add(l->text(), QStringLiteral("label"));
        for (QGroupBox *g : window->findChildren<QGroupBox *>())
            if (g->isVisibleTo(window) && g->isCheckable())
                add(g->title(), QStringLiteral("group"));
        for (QTabBar *t : window->findChildren<QTabBar *>())
            if (t->isVisibleTo(window))
                for (int i = 0; i < t->count(); ++i)
                    add(t->tabText(i), QStringLiteral("tab"));
        QStringList clashes;
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            if (it.value().size() > 1)
                clashes.append(where + QStringLiteral(": Alt+") + it.key().toUpper() + QStringLiteral(": ") + it.value().join(QStringLiteral(", ")));
        return clashes;
    }

    static QStringList clashesInMenu(QMenu *menu)
    {
        QHash<QChar, QStringList> owners;
        QStringList clashes;
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            const QChar m = mnemonic(a->text());
            if (!m.isNull())
                owners[m].append(a->text());
            if (a->menu())
                clashes += clashesInMenu(a->menu());
        }
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            if (it.value().size() > 1)
                clashes.append(menu->title() + QStringLiteral(": Alt+") + it.key().toUpper() + QStringLiteral(": ") + it.value().join(QStringLiteral(", ")));
        return clashes;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestEnv::isolateUserConfig(m_dir.filePath(QStringLiteral("config")));
        QCoreApplication::setOrganizationName(QStringLiteral("CasebookTest"));
        QCoreApplication::setApplicationName(QStringLiteral("casebook-test"));
    }

    void handbookBundlesEveryDocument()
    {
        const QStringList inSource = QDir(TestEnv::sourceDir() + QStringLiteral("/docs")).entryList({QStringLiteral("*.md")}, QDir::Files);
        QVERIFY(inSource.size() >= 5);
        QStringList bundled = HandbookDialog::documents();
        bundled.sort();
        QStringList expected = inSource;
        expected.sort();
        QCOMPARE(bundled, expected);
        QCOMPARE(HandbookDialog::documents().first(), QStringLiteral("workbench.md"));
    }

    // Every relative link in the docs names a document (or picture) that is
    // bundled: the handbook has no dead links.
    void everyLinkBetweenDocumentsLands()
    {
        static const QRegularExpression link(QStringLiteral("\\]\\(([^)#\\s]+)(#[^)\\s]*)?\\)"));
        static const QRegularExpression bare(QStringLiteral("\\bdocs/([a-z0-9-]+\\.md)\\b"));
        QStringList dead;
        int checked = 0;
        for (const QString &doc : HandbookDialog::documents()) {
            QFile f(HandbookDialog::root() + QLatin1Char('/') + doc);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            for (auto it = link.globalMatch(text); it.hasNext();) {
                const QString target = it.next().captured(1);
                if (target.contains(QLatin1String("://")) || target.startsWith(QLatin1String("mailto:")))
                    continue;
                ++checked;
                if (!QFile::exists(HandbookDialog::root() + QLatin1Char('/') + target))
                    dead.append(doc + QStringLiteral(" -> ") + target);
            }
            // Documents named in prose ("see docs/report.md") must exist too.
            for (auto it = bare.globalMatch(text); it.hasNext();) {
                const QString target = it.next().captured(1);
                ++checked;
                if (!QFile::exists(HandbookDialog::root() + QLatin1Char('/') + target))
                    dead.append(doc + QStringLiteral(" names ") + target);
            }
        }
        QVERIFY(checked > 10);
        QVERIFY2(dead.isEmpty(), qPrintable(dead.join(QStringLiteral("; "))));
    }

    void handbookShowsAndFollowsDocuments()
    {
        HandbookDialog d;
        QCOMPARE(d.currentDocument(), QStringLiteral("workbench.md"));
        QVERIFY(d.browser()->toPlainText().contains(QStringLiteral("Workbench"), Qt::CaseInsensitive));
        // Rendered, not raw Markdown: no heading markers.
        QVERIFY(!d.browser()->toPlainText().startsWith(QLatin1Char('#')));
        d.showDocument(QStringLiteral("case-file.md"));
        QCOMPARE(d.currentDocument(), QStringLiteral("case-file.md"));
        // A relative link, as a click on it resolves it.
        d.browser()->setSource(d.browser()->source().resolved(QUrl(QStringLiteral("casectl.md"))), QTextDocument::MarkdownResource);
        QCOMPARE(d.currentDocument(), QStringLiteral("casectl.md"));
        QVERIFY(d.browser()->toPlainText().contains(QStringLiteral("casectl")));
    }

    void f1OpensTheHandbook()
    {
        MainWindow w;
        w.setQuiet(true);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.findChildren<HandbookDialog *>().isEmpty());
        auto *action = w.findChild<QAction *>(QStringLiteral("handbookAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
        action->trigger();
        const QList<HandbookDialog *> open = w.findChildren<HandbookDialog *>();
        QCOMPARE(open.size(), 1);
        QVERIFY(open.first()->isVisible());
        open.first()->close();
    }

    void noMnemonicClashes()
    {
        const QString p = m_dir.filePath(QStringLiteral("mnemonics.casebook"));
        SampleCase::build(p);
        MainWindow w;
        w.setQuiet(true);
        w.show();
        QVERIFY(w.openCase(p));
        QStringList clashes;
        for (QAction *a : w.menuBar()->actions())
            if (a->menu())
                clashes += clashesInMenu(a->menu());
        // Each centre tab in turn: what is visible then is reachable at once.
        QTabWidget *tabs = nullptr; // the centre tabs: the tab widget with the most tabs
        for (QTabWidget *t : w.findChildren<QTabWidget *>())
            if (!tabs || t->count() > tabs->count())
                tabs = t;
        QVERIFY(tabs);
        QVERIFY(tabs->count() >= 5);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            clashes += clashesIn(&w, QStringLiteral("main window, tab ") + tabs->tabText(i));
        }
        clashes.removeDuplicates();
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(DesktopConventionsTest)
#include "DesktopConventionsTest.moc"
