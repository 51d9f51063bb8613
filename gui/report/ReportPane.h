#pragma once

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;

// The incident report: a draft generated from the case (engine ReportBuilder),
// editable as Markdown, previewed, saved in the case per language, and
// exported as Markdown, HTML or PDF. Generation runs on a worker thread with
// its own connection to the case file.
class ReportPane : public QWidget
{
    Q_OBJECT
public:
    explicit ReportPane(QWidget *parent = nullptr);
    ~ReportPane() override;

    // The case this pane reports on; empty = none. Loads the saved draft of
    // the current language, or generates one.
    void setCasePath(const QString &path);
    QString casePath() const { return m_casePath; }

    QString language() const; // en, de
    void setLanguage(const QString &lang);
    QString markdown() const;
    void setMarkdown(const QString &markdown);
    bool isEdited() const { return m_edited; }

    // format: md, html or pdf. An unedited draft is written by the engine's
    // writers; an edited one is converted from its Markdown. Throws CaseError.
    void exportTo(const QString &path, const QString &format);

public slots:
    void regenerate();
    void saveDraft();
    void exportInteractively();

signals:
    void statusMessage(const QString &text);
    void draftReady();

private:
    void updatePreview();
    void loadSavedOrGenerate();

    QString m_casePath;
    QString m_generated; // last generated Markdown
    bool m_edited = false;
    bool m_settingText = false;
    QComboBox *m_lang = nullptr;
    QPushButton *m_regenerate = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_state = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QTextBrowser *m_preview = nullptr;
    QFutureWatcher<QString> m_watcher;
};
