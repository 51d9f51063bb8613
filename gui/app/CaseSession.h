#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

class CaseFile;
class BackgroundReader;

// The case open in the window: the GUI thread's read-write connection (for
// small edits: metadata, notes, markers) and a BackgroundReader for big
// queries. Watches the file for commits made by other connections
// (collections, imports, casectl) and announces them with dataChanged().
class CaseSession : public QObject
{
    Q_OBJECT
public:
    explicit CaseSession(QObject *parent = nullptr);
    ~CaseSession() override;

    // Throw CaseError with a user-presentable message.
    void create(const QString &path, const QString &title);
    void open(const QString &path);
    void close();

    bool isOpen() const { return bool(m_case); }
    CaseFile *caseFile() const { return m_case.get(); }
    QString path() const;
    BackgroundReader *reader() const { return m_reader; }
    // Call after writing through caseFile() so every pane refreshes.
    void notifyChanged();
    // Checks for commits by other connections now (normally every second).
    void pollForChanges();

    bool isOpening() const { return m_opening; }

signals:
    void opening(const QString &path); // validation started (off the GUI thread)
    void opened();
    void closed();
    void dataChanged();

private:
    void attach(std::unique_ptr<CaseFile> cf);
    static void checkpoint(CaseFile &cf);
    qint64 dataVersion() const;

    std::unique_ptr<CaseFile> m_case;
    BackgroundReader *m_reader;
    QTimer m_poll;
    qint64 m_dataVersion = 0;
    qint64 m_lastChangeCount = 0;
    bool m_opening = false;
};
