<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name />
    <message>
        <source>MMC-MMS hall display</source>
        <translation>MMC-MMS hall display</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>In service</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Clinic staff</source>
        <translation>Clinic staff</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Your role does not allow this.</translation>
    </message>
    <message>
        <source>Service day {day} is closed: nobody more can be checked in today.</source>
        <translation>Service day {day} is closed: nobody more can be checked in today.</translation>
    </message>
    <message>
        <source>This computer's disk is full: nothing new can be saved. What was saved is safe; please call IT.</source>
        <translation>This computer's disk is full: nothing new can be saved. What was saved is safe; please call IT.</translation>
    </message>
    <message>
        <source>Nobody is waiting at this clinic.</source>
        <translation>Nobody is waiting at this clinic.</translation>
    </message>
    <message>
        <source>Ticket {ticket} is already {status}; this cannot be done now.</source>
        <translation>Ticket {ticket} is already {status}; this cannot be done now.</translation>
    </message>
    <message>
        <source>It was called by {by}.</source>
        <translation>It was called by {by}.</translation>
    </message>
    <message>
        <source>This ticket is no longer in the queue; the list has been refreshed.</source>
        <translation>This ticket is no longer in the queue; the list has been refreshed.</translation>
    </message>
    <message>
        <source>The clinic {clinic} is unknown or closed.</source>
        <translation>The clinic {clinic} is unknown or closed.</translation>
    </message>
    <message>
        <source>The clinic {clinic} does not receive this patient's gender.</source>
        <translation>The clinic {clinic} does not receive this patient's gender.</translation>
    </message>
    <message>
        <source>The patient already waits in that clinic's queue.</source>
        <translation>The patient already waits in that clinic's queue.</translation>
    </message>
    <message>
        <source>This patient is checked in already today; find them by ID to see where they are.</source>
        <translation>This patient is checked in already today; find them by ID to see where they are.</translation>
    </message>
    <message>
        <source>This is not a valid ID number.</source>
        <translation>This is not a valid ID number.</translation>
    </message>
    <message>
        <source>The patient has not been called at {clinic} yet.</source>
        <translation>The patient has not been called at {clinic} yet.</translation>
    </message>
    <message>
        <source>The clinic's PIN was not accepted.</source>
        <translation>The clinic's PIN was not accepted.</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>This was not accepted: {detail}</source>
        <translation>This was not accepted: {detail}</translation>
    </message>
    <message>
        <source>This could not be done: {detail}</source>
        <translation>This could not be done: {detail}</translation>
    </message>
    <message>
        <source>call</source>
        <translation>call</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>recall</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <source>completion</source>
        <translation>completion</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>no-show</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>cancellation</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>transfer</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>undo</translation>
    </message>
    <message>
        <source>setting aside</source>
        <translation>setting aside</translation>
    </message>
    <message>
        <source>priority mark</source>
        <translation>priority mark</translation>
    </message>
    <message>
        <source>new ticket</source>
        <translation>new ticket</translation>
    </message>
    <message>
        <source>check-in</source>
        <translation>check-in</translation>
    </message>
    <message>
        <source>clinic confirmation</source>
        <translation>clinic confirmation</translation>
    </message>
    <message>
        <source>cancellation of a visit</source>
        <translation>cancellation of a visit</translation>
    </message>
    <message>
        <source>PIN unlock</source>
        <translation>PIN unlock</translation>
    </message>
    <message>
        <source>new PIN</source>
        <translation>new PIN</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>setting</translation>
    </message>
    <message>
        <source>clinic change</source>
        <translation>clinic change</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>pause</translation>
    </message>
    <message>
        <source>answer to a call for help</source>
        <translation>answer to a call for help</translation>
    </message>
    <message>
        <source>end of a pause</source>
        <translation>end of a pause</translation>
    </message>
    <message>
        <source>exam type change</source>
        <translation>exam type change</translation>
    </message>
    <message>
        <source>user change</source>
        <translation>user change</translation>
    </message>
    <message>
        <source>device revocation</source>
        <translation>device revocation</translation>
    </message>
    <message>
        <source>closing of the day</source>
        <translation>closing of the day</translation>
    </message>
    <message>
        <source>someone else acted on it first</source>
        <translation>someone else acted on it first</translation>
    </message>
    <message>
        <source>the user may no longer do it (deactivated, a new role or a new password)</source>
        <translation>the user may no longer do it (deactivated, a new role or a new password)</translation>
    </message>
    <message>
        <source>The server refused an action made on this console: the user may no longer do it (deactivated, a new role or a new password). Log in again.</source>
        <translation>The server refused an action made on this console: the user may no longer do it (deactivated, a new role or a new password). Log in again.</translation>
    </message>
    <message>
        <source>The server refused your {action}: {reason}</source>
        <translation>The server refused your {action}: {reason}</translation>
    </message>
    <message>
        <source>The server refused your {action} of ticket {ticket} ({clinic}): someone else acted on it first. It is now: {status}.</source>
        <translation>The server refused your {action} of ticket {ticket} ({clinic}): someone else acted on it first. It is now: {status}.</translation>
    </message>
    <message numerus="yes">
        <source>%n actions were refused in all; see Sync.</source>
        <translation>
            <numerusform>%n action was refused in all; see Sync.</numerusform>
            <numerusform>%n actions were refused in all; see Sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Never reported</source>
        <translation>Never reported</translation>
    </message>
    <message numerus="yes">
        <source>Silent for %n min</source>
        <translation>
            <numerusform>Silent for %n min</numerusform>
            <numerusform>Silent for %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes unsent</source>
        <translation>
            <numerusform>%n change unsent</numerusform>
            <numerusform>%n changes unsent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting for %n min</source>
        <translation>
            <numerusform>waiting for %n min</numerusform>
            <numerusform>waiting for %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This console's data was restored from the backup {backup}; %n changes made here after it were taken back and are sent to the server.</source>
        <translation>
            <numerusform>This console's data was restored from the backup {backup}; %n change made here after it was taken back and is sent to the server.</numerusform>
            <numerusform>This console's data was restored from the backup {backup}; %n changes made here after it were taken back and are sent to the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo of a no-show or cancel</source>
        <translation>Undo of a no-show or cancel</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>Priority mark</source>
        <translation>Priority mark</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Joined a queue</source>
        <translation>Joined a queue</translation>
    </message>
    <message>
        <source>Wrong PIN at a kiosk</source>
        <translation>Wrong PIN at a kiosk</translation>
    </message>
    <message>
        <source>Clinic confirmed with its PIN</source>
        <translation>Clinic confirmed with its PIN</translation>
    </message>
    <message>
        <source>Patient look-up</source>
        <translation>Patient look-up</translation>
    </message>
    <message>
        <source>Clinic paused</source>
        <translation>Clinic paused</translation>
    </message>
    <message>
        <source>Call for help at a kiosk</source>
        <translation>Call for help at a kiosk</translation>
    </message>
    <message>
        <source>Call for help answered</source>
        <translation>Call for help answered</translation>
    </message>
    <message>
        <source>Clinic resumed</source>
        <translation>Clinic resumed</translation>
    </message>
    <message>
        <source>“Where am I?” look-up</source>
        <translation>“Where am I?” look-up</translation>
    </message>
    <message>
        <source>Visit cancelled</source>
        <translation>Visit cancelled</translation>
    </message>
    <message>
        <source>Day closed</source>
        <translation>Day closed</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Setting changed</translation>
    </message>
    <message>
        <source>Clinic saved</source>
        <translation>Clinic saved</translation>
    </message>
    <message>
        <source>Exam type saved</source>
        <translation>Exam type saved</translation>
    </message>
    <message>
        <source>User saved</source>
        <translation>User saved</translation>
    </message>
    <message>
        <source>Device registered</source>
        <translation>Device registered</translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation>Device revoked</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Enrollment code</translation>
    </message>
    <message>
        <source>Numbers leased</source>
        <translation>Numbers leased</translation>
    </message>
    <message>
        <source>PIN keys issued</source>
        <translation>PIN keys issued</translation>
    </message>
    <message>
        <source>Site set up</source>
        <translation>Site set up</translation>
    </message>
    <message>
        <source>a visit</source>
        <translation>a visit</translation>
    </message>
    <message>
        <source>Nobody was waiting.</source>
        <translation>Nobody was waiting.</translation>
    </message>
    <message>
        <source>Someone else acted on it first.</source>
        <translation>Someone else acted on it first.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked for a while.</source>
        <translation>Too many wrong PINs: locked for a while.</translation>
    </message>
    <message>
        <source>The patient had not been called yet.</source>
        <translation>The patient had not been called yet.</translation>
    </message>
    <message>
        <source>Already checked in today.</source>
        <translation>Already checked in today.</translation>
    </message>
    <message>
        <source>Not a valid ID number.</source>
        <translation>Not a valid ID number.</translation>
    </message>
    <message>
        <source>Not allowed for this role.</source>
        <translation>Not allowed for this role.</translation>
    </message>
    <message>
        <source>No visit today for this ID.</source>
        <translation>No visit today for this ID.</translation>
    </message>
    <message>
        <source>Not a clinic code (10 to 99).</source>
        <translation>Not a clinic code (10 to 99).</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>Disk full</translation>
    </message>
    <message>
        <source>Clock off by {offset} (h:mm)</source>
        <translation>Clock off by {offset} (h:mm)</translation>
    </message>
    <message>
        <source>Cannot reach the server</source>
        <translation>Cannot reach the server</translation>
    </message>
    <message>
        <source>OK (version {version})</source>
        <translation>OK (version {version})</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>This console's data file was damaged and no backup could be used: it starts empty and fills again from the server. Changes made here that had not reached the server are lost.</source>
        <translation>This console's data file was damaged and no backup could be used: it starts empty and fills again from the server. Changes made here that had not reached the server are lost.</translation>
    </message>
    <message>
        <source>This console's data file was damaged and was replaced by the backup {backup}. The damaged file could not be read: changes made here after that backup come back only if they had reached the server; any that had not are lost.</source>
        <translation>This console's data file was damaged and was replaced by the backup {backup}. The damaged file could not be read: changes made here after that backup come back only if they had reached the server; any that had not are lost.</translation>
    </message>
    <message>
        <source>A code is small English letters, digits and _, starting with a letter (e.g. lab_2).</source>
        <translation>A code is small English letters, digits and _, starting with a letter (e.g. lab_2).</translation>
    </message>
    <message>
        <source>Both the Arabic and the English name are needed.</source>
        <translation>Both the Arabic and the English name are needed.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>Arabic name</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Call interval (s)</source>
        <translation>Call interval (s)</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>Receives</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Men only</source>
        <translation>Men only</translation>
    </message>
    <message>
        <source>Women only</source>
        <translation>Women only</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Clinic {code} saved.</source>
        <translation>Clinic {code} saved.</translation>
    </message>
    <message>
        <source>Route for men</source>
        <translation>Route for men</translation>
    </message>
    <message>
        <source>Route for women</source>
        <translation>Route for women</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Offered</translation>
    </message>
    <message>
        <source>An exam type needs a route for men, for women, or both.</source>
        <translation>An exam type needs a route for men, for women, or both.</translation>
    </message>
    <message>
        <source>Exam type {code} saved.</source>
        <translation>Exam type {code} saved.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>A user name is 2 to 80 English letters, digits, '.', '_' or '-'.</source>
        <translation>A user name is 2 to 80 English letters, digits, '.', '_' or '-'.</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>No console (its PIN confirms patients nobody called)</source>
        <translation>No console (its PIN confirms patients nobody called)</translation>
    </message>
    <message>
        <source>Route for men of {exam}</source>
        <translation>Route for men of {exam}</translation>
    </message>
    <message>
        <source>Route for women of {exam}</source>
        <translation>Route for women of {exam}</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>User {name} saved.</source>
        <translation>User {name} saved.</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Your password</translation>
    </message>
    <message>
        <source>Valid for (hours)</source>
        <translation>Valid for (hours)</translation>
    </message>
    <message>
        <source>New enrollment code</source>
        <translation>New enrollment code</translation>
    </message>
    <message>
        <source>A new kiosk, console or display enrolls with a one-time code. Ask the server for one here, or IT makes one on the server with: mmc server enroll-code</source>
        <translation>A new kiosk, console or display enrolls with a one-time code. Ask the server for one here, or IT makes one on the server with: mmc server enroll-code</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Revoke the chosen device</source>
        <translation>Revoke the chosen device</translation>
    </message>
    <message>
        <source>Tick the clinics this display shows, in the order of the Clinics tab. None ticked: every clinic.</source>
        <translation>Tick the clinics this display shows, in the order of the Clinics tab. None ticked: every clinic.</translation>
    </message>
    <message>
        <source>Show these clinics on this display</source>
        <translation>Show these clinics on this display</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Staff console</source>
        <translation>Staff console</translation>
    </message>
    <message>
        <source>Hall display</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>One-machine site</source>
        <translation>One-machine site</translation>
    </message>
    <message>
        <source>Clinics on the display {station} ({name})</source>
        <translation>Clinics on the display {station} ({name})</translation>
    </message>
    <message numerus="yes">
        <source>%n clinics chosen for {station}.</source>
        <translation>
            <numerusform>%n clinic chosen for {station}.</numerusform>
            <numerusform>%n clinics chosen for {station}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{station} shows every clinic.</source>
        <translation>{station} shows every clinic.</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Unknown: the server cannot be reached</source>
        <translation>Unknown: the server cannot be reached</translation>
    </message>
    <message>
        <source>Choose a device in the list first.</source>
        <translation>Choose a device in the list first.</translation>
    </message>
    <message>
        <source>{station} cannot be revoked.</source>
        <translation>{station} cannot be revoked.</translation>
    </message>
    <message>
        <source>Revoke {station} ({kind})? The server refuses it from its next request; to work again it must be enrolled as a new device. This cannot be undone.</source>
        <translation>Revoke {station} ({kind})? The server refuses it from its next request; to work again it must be enrolled as a new device. This cannot be undone.</translation>
    </message>
    <message>
        <source>{station} is revoked; the server refuses it once this console has synced.</source>
        <translation>{station} is revoked; the server refuses it once this console has synced.</translation>
    </message>
    <message>
        <source>This console is not connected to a server, which makes the codes.</source>
        <translation>This console is not connected to a server, which makes the codes.</translation>
    </message>
    <message>
        <source>Type your password to ask for a code.</source>
        <translation>Type your password to ask for a code.</translation>
    </message>
    <message>
        <source>Asking the server for a code...</source>
        <translation>Asking the server for a code...</translation>
    </message>
    <message>
        <source>The server refused: {reason}</source>
        <translation>The server refused: {reason}</translation>
    </message>
    <message>
        <source>The server cannot be reached now; try again when the console is online.</source>
        <translation>The server cannot be reached now; try again when the console is online.</translation>
    </message>
    <message>
        <source>Type this code on the new device before {time}; it works once.</source>
        <translation>Type this code on the new device before {time}; it works once.</translation>
    </message>
    <message>
        <source>Site name (English)</source>
        <translation>Site name (English)</translation>
    </message>
    <message>
        <source>Site name (Arabic)</source>
        <translation>Site name (Arabic)</translation>
    </message>
    <message>
        <source>Kiosk returns to start after (s)</source>
        <translation>Kiosk returns to start after (s)</translation>
    </message>
    <message>
        <source>Console locks after (s)</source>
        <translation>Console locks after (s)</translation>
    </message>
    <message>
        <source>Numbers per lease block</source>
        <translation>Numbers per lease block</translation>
    </message>
    <message>
        <source>The service day closes at (HH:MM, night or morning)</source>
        <translation>The service day closes at (HH:MM, night or morning)</translation>
    </message>
    <message>
        <source>Recalls before a no-show (0: no limit)</source>
        <translation>Recalls before a no-show (0: no limit)</translation>
    </message>
    <message>
        <source>Priority patients: one in every N calls (1: always first, 0: none)</source>
        <translation>Priority patients: one in every N calls (1: always first, 0: none)</translation>
    </message>
    <message>
        <source>ID number format</source>
        <translation>ID number format</translation>
    </message>
    <message>
        <source>Patients still open when the day closes</source>
        <translation>Patients still open when the day closes</translation>
    </message>
    <message>
        <source>New kiosk exit code (4 to 8 digits; empty: keep it)</source>
        <translation>New kiosk exit code (4 to 8 digits; empty: keep it)</translation>
    </message>
    <message>
        <source>The hall display says each call in</source>
        <translation>The hall display says each call in</translation>
    </message>
    <message>
        <source>Volume of the calls</source>
        <translation>Volume of the calls</translation>
    </message>
    <message>
        <source>Times each call is said</source>
        <translation>Times each call is said</translation>
    </message>
    <message>
        <source>A chime before each call</source>
        <translation>A chime before each call</translation>
    </message>
    <message>
        <source>are marked no-show</source>
        <translation>are marked no-show</translation>
    </message>
    <message>
        <source>keep their place in the next day's queues</source>
        <translation>keep their place in the next day's queues</translation>
    </message>
    <message>
        <source>Arabic, then English</source>
        <translation>Arabic, then English</translation>
    </message>
    <message>
        <source>English, then Arabic</source>
        <translation>English, then Arabic</translation>
    </message>
    <message>
        <source>Arabic only</source>
        <translation>Arabic only</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>English only</translation>
    </message>
    <message>
        <source>This setting is a whole number from {low} to {high}: {value}</source>
        <translation>This setting is a whole number from {low} to {high}: {value}</translation>
    </message>
    <message>
        <source>A setting cannot be left empty.</source>
        <translation>A setting cannot be left empty.</translation>
    </message>
    <message>
        <source>Digits only: exactly {count}</source>
        <translation>Digits only: exactly {count}</translation>
    </message>
    <message>
        <source>Digits only: from {fewest} to {most}</source>
        <translation>Digits only: from {fewest} to {most}</translation>
    </message>
    <message>
        <source>Regular expression: {pattern}</source>
        <translation>Regular expression: {pattern}</translation>
    </message>
    <message>
        <source>Number of digits</source>
        <translation>Number of digits</translation>
    </message>
    <message>
        <source>Fewest digits</source>
        <translation>Fewest digits</translation>
    </message>
    <message>
        <source>Most digits</source>
        <translation>Most digits</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regular expression</translation>
    </message>
    <message>
        <source>Type an ID number to test it</source>
        <translation>Type an ID number to test it</translation>
    </message>
    <message>
        <source>How are ID numbers written at this site?</source>
        <translation>How are ID numbers written at this site?</translation>
    </message>
    <message>
        <source>Digits only, always the same number of digits</source>
        <translation>Digits only, always the same number of digits</translation>
    </message>
    <message>
        <source>Digits only, a number of digits within a range</source>
        <translation>Digits only, a number of digits within a range</translation>
    </message>
    <message>
        <source>Advanced: a regular expression (Python syntax, the whole ID must match)</source>
        <translation>Advanced: a regular expression (Python syntax, the whole ID must match)</translation>
    </message>
    <message>
        <source>e.g. 28700000001</source>
        <translation>e.g. 28700000001</translation>
    </message>
    <message>
        <source>Save the format</source>
        <translation>Save the format</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The fewest digits cannot be more than the most.</source>
        <translation>The fewest digits cannot be more than the most.</translation>
    </message>
    <message>
        <source>The ID number format is not a valid regular expression.</source>
        <translation>The ID number format is not a valid regular expression.</translation>
    </message>
    <message>
        <source>✓ Check-in accepts this ID number.</source>
        <translation>✓ Check-in accepts this ID number.</translation>
    </message>
    <message>
        <source>✗ Check-in refuses this ID number.</source>
        <translation>✗ Check-in refuses this ID number.</translation>
    </message>
    <message>
        <source>Change...</source>
        <translation>Change...</translation>
    </message>
    <message>
        <source>The day closes at a time from 00:00 to 11:59, written HH:MM.</source>
        <translation>The day closes at a time from 00:00 to 11:59, written HH:MM.</translation>
    </message>
    <message>
        <source>The kiosk exit code has 4 to 8 digits.</source>
        <translation>The kiosk exit code has 4 to 8 digits.</translation>
    </message>
    <message numerus="yes">
        <source>%n settings saved.</source>
        <translation>
            <numerusform>%n setting saved.</numerusform>
            <numerusform>%n settings saved.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ID number format is saved.</source>
        <translation>The ID number format is saved.</translation>
    </message>
    <message>
        <source>The ID number format is unchanged.</source>
        <translation>The ID number format is unchanged.</translation>
    </message>
    <message>
        <source>Clinics</source>
        <translation>Clinics</translation>
    </message>
    <message>
        <source>Exam types</source>
        <translation>Exam types</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action (e.g. call_next)</source>
        <translation>Action (e.g. call_next)</translation>
    </message>
    <message>
        <source>Text in target or detail</source>
        <translation>Text in target or detail</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Any outcome</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message numerus="yes">
        <source>%n entries (newest first)</source>
        <translation>
            <numerusform>%n entry (newest first)</numerusform>
            <numerusform>%n entries (newest first)</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, do it</source>
        <translation>Yes, do it</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <source>Average wait (min)</source>
        <translation>Average wait (min)</translation>
    </message>
    <message>
        <source>Longest wait (min)</source>
        <translation>Longest wait (min)</translation>
    </message>
    <message>
        <source>Service day {day} in all clinics (closed)</source>
        <translation>Service day {day} in all clinics (closed)</translation>
    </message>
    <message>
        <source>Service day {day} in all clinics</source>
        <translation>Service day {day} in all clinics</translation>
    </message>
    <message>
        <source>Waiting {waiting} · called {called} · in service {serving} · served {served}</source>
        <translation>Waiting {waiting} · called {called} · in service {serving} · served {served}</translation>
    </message>
    <message>
        <source>Waiting and served, busiest clinics</source>
        <translation>Waiting and served, busiest clinics</translation>
    </message>
    <message>
        <source>Served per hour</source>
        <translation>Served per hour</translation>
    </message>
    <message numerus="yes">
        <source>Close service day {day}? The %n patients still waiting or in service keep their place in tomorrow's queues; nobody more can check in today.</source>
        <translation>
            <numerusform>Close service day {day}? The %n patient still waiting or in service keeps their place in tomorrow's queues; nobody more can check in today.</numerusform>
            <numerusform>Close service day {day}? The %n patients still waiting or in service keep their place in tomorrow's queues; nobody more can check in today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close service day {day}? The %n patients still waiting or in service are marked no-show; nobody more can check in today.</source>
        <translation>
            <numerusform>Close service day {day}? The %n patient still waiting or in service is marked no-show; nobody more can check in today.</numerusform>
            <numerusform>Close service day {day}? The %n patients still waiting or in service are marked no-show; nobody more can check in today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service day {day} is closed; %n patients were carried over to the next day.</source>
        <translation>
            <numerusform>Service day {day} is closed; %n patient was carried over to the next day.</numerusform>
            <numerusform>Service day {day} is closed; %n patients were carried over to the next day.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service day {day} is closed; %n patients still open were marked no-show.</source>
        <translation>
            <numerusform>Service day {day} is closed; %n patient still open was marked no-show.</numerusform>
            <numerusform>Service day {day} is closed; %n patients still open were marked no-show.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Log in as another user</source>
        <translation>Log in as another user</translation>
    </message>
    <message>
        <source>العربية</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Locked. {user}, enter your password to go on.</source>
        <translation>Locked. {user}, enter your password to go on.</translation>
    </message>
    <message>
        <source>Staff console: log in</source>
        <translation>Staff console: log in</translation>
    </message>
    <message>
        <source>Checking the password...</source>
        <translation>Checking the password...</translation>
    </message>
    <message>
        <source>e.g. 2</source>
        <translation>e.g. 2</translation>
    </message>
    <message>
        <source>Today's PIN</source>
        <translation>Today's PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>Transfer to</translation>
    </message>
    <message>
        <source>Cancel ticket</source>
        <translation>Cancel ticket</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waiting (min)</source>
        <translation>Waiting (min)</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>Called by</translation>
    </message>
    <message>
        <source>Send to clinic...</source>
        <translation>Send to clinic...</translation>
    </message>
    <message>
        <source>Called {number}.</source>
        <translation>Called {number}.</translation>
    </message>
    <message>
        <source>Choose a patient in the list first.</source>
        <translation>Choose a patient in the list first.</translation>
    </message>
    <message>
        <source>Completed {number}; that was the last clinic of their route.</source>
        <translation>Completed {number}; that was the last clinic of their route.</translation>
    </message>
    <message>
        <source>Recalled {number}.</source>
        <translation>Recalled {number}.</translation>
    </message>
    <message>
        <source>Started serving {number}.</source>
        <translation>Started serving {number}.</translation>
    </message>
    <message>
        <source>Completed {number}.</source>
        <translation>Completed {number}.</translation>
    </message>
    <message>
        <source>Find a patient by ID or ticket number</source>
        <translation>Find a patient by ID or ticket number</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Walk-in: the patient's ID number</source>
        <translation>Walk-in: the patient's ID number</translation>
    </message>
    <message>
        <source>Issue a ticket</source>
        <translation>Issue a ticket</translation>
    </message>
    <message>
        <source>Reason shown in the hall, e.g. prayer break</source>
        <translation>Reason shown in the hall, e.g. prayer break</translation>
    </message>
    <message>
        <source>Let them use the PIN again</source>
        <translation>Let them use the PIN again</translation>
    </message>
    <message>
        <source>Call the chosen patient</source>
        <translation>Call the chosen patient</translation>
    </message>
    <message>
        <source>Completed {number}; next: {clinic}, room {room}, number {next}.</source>
        <translation>Completed {number}; next: {clinic}, room {room}, number {next}.</translation>
    </message>
    <message>
        <source>{number} marked as no-show.</source>
        <translation>{number} marked as no-show.</translation>
    </message>
    <message>
        <source>Cancelled {number}.</source>
        <translation>Cancelled {number}.</translation>
    </message>
    <message>
        <source>{number} is set aside; choose them in the list and call them again when they are ready.</source>
        <translation>{number} is set aside; choose them in the list and call them again when they are ready.</translation>
    </message>
    <message>
        <source>No answer to the recalls: {number} is marked as no-show.</source>
        <translation>No answer to the recalls: {number} is marked as no-show.</translation>
    </message>
    <message>
        <source>Remove priority</source>
        <translation>Remove priority</translation>
    </message>
    <message>
        <source>Mark priority</source>
        <translation>Mark priority</translation>
    </message>
    <message>
        <source>{number} is a priority patient now, here and at the next clinics.</source>
        <translation>{number} is a priority patient now, here and at the next clinics.</translation>
    </message>
    <message>
        <source>{number} is no longer a priority patient.</source>
        <translation>{number} is no longer a priority patient.</translation>
    </message>
    <message>
        <source>Undo ({number})</source>
        <translation>Undo ({number})</translation>
    </message>
    <message>
        <source>{number} is back in its place in the queue.</source>
        <translation>{number} is back in its place in the queue.</translation>
    </message>
    <message>
        <source>Mark {number} as no-show? It can be undone for 5 minutes.</source>
        <translation>Mark {number} as no-show? It can be undone for 5 minutes.</translation>
    </message>
    <message>
        <source>Cancel ticket {number}? It can be undone for 5 minutes.</source>
        <translation>Cancel ticket {number}? It can be undone for 5 minutes.</translation>
    </message>
    <message>
        <source>Choose the clinic to send {number} to.</source>
        <translation>Choose the clinic to send {number} to.</translation>
    </message>
    <message>
        <source>{number} moved to {clinic} as {new}.</source>
        <translation>{number} moved to {clinic} as {new}.</translation>
    </message>
    <message>
        <source>Move {number} to the end of the queue of {clinic}? This cannot be undone.</source>
        <translation>Move {number} to the end of the queue of {clinic}? This cannot be undone.</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Type the patient's ID number and choose the exam type.</source>
        <translation>Type the patient's ID number and choose the exam type.</translation>
    </message>
    <message>
        <source>Ticket {number} at {clinic}; tell the patient the number.</source>
        <translation>Ticket {number} at {clinic}; tell the patient the number.</translation>
    </message>
    <message>
        <source>Resume the clinic</source>
        <translation>Resume the clinic</translation>
    </message>
    <message>
        <source>Pause the clinic</source>
        <translation>Pause the clinic</translation>
    </message>
    <message>
        <source>The clinic works again; the hall display no longer shows the pause.</source>
        <translation>The clinic works again; the hall display no longer shows the pause.</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Paused; the hall display shows: {reason}</source>
        <translation>Paused; the hall display shows: {reason}</translation>
    </message>
    <message>
        <source>Nobody found today for {text}.</source>
        <translation>Nobody found today for {text}.</translation>
    </message>
    <message numerus="yes">
        <source>%n patients have this number today; type the ID.</source>
        <translation>
            <numerusform>%n patient has this number today; type the ID.</numerusform>
            <numerusform>%n patients have this number today; type the ID.</numerusform>
        </translation>
    </message>
    <message>
        <source>{id}: no clinic left today.</source>
        <translation>{id}: no clinic left today.</translation>
    </message>
    <message>
        <source>{id}: {clinic}, number {number} ({status})</source>
        <translation>{id}: {clinic}, number {number} ({status})</translation>
    </message>
    <message>
        <source>locked out of the PIN until {time}</source>
        <translation>locked out of the PIN until {time}</translation>
    </message>
    <message>
        <source>{id} may use the clinic's PIN again.</source>
        <translation>{id} may use the clinic's PIN again.</translation>
    </message>
    <message>
        <source>The new PIN of this clinic is {pin}; every kiosk gets it at its next sync.</source>
        <translation>The new PIN of this clinic is {pin}; every kiosk gets it at its next sync.</translation>
    </message>
    <message>
        <source>Give this clinic a new PIN for the rest of today?</source>
        <translation>Give this clinic a new PIN for the rest of today?</translation>
    </message>
    <message>
        <source>{clinic} (on their route)</source>
        <translation>{clinic} (on their route)</translation>
    </message>
    <message>
        <source>{clinic} (done already)</source>
        <translation>{clinic} (done already)</translation>
    </message>
    <message>
        <source>{status}, priority</source>
        <translation>{status}, priority</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>The report could not be saved: {reason}</source>
        <translation>The report could not be saved: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>Actions the server refused</source>
        <translation>Actions the server refused</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Not connected to a server: this console is a one-machine site.</source>
        <translation>Not connected to a server: this console is a one-machine site.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline since {time}: {problem}</source>
        <translation>Offline since {time}: {problem}</translation>
    </message>
    <message>
        <source>Offline since {time}.</source>
        <translation>Offline since {time}.</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <source>Average service (min)</source>
        <translation>Average service (min)</translation>
    </message>
    <message>
        <source>Exam type</source>
        <translation>Exam type</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>Annual</translation>
    </message>
    <message>
        <source>{period} report, {first} to {last}</source>
        <translation>{period} report, {first} to {last}</translation>
    </message>
    <message>
        <source>Tickets and served per clinic</source>
        <translation>Tickets and served per clinic</translation>
    </message>
    <message>
        <source>Visits per exam type</source>
        <translation>Visits per exam type</translation>
    </message>
    <message>
        <source>Tickets: {tickets} · served: {served}</source>
        <translation>Tickets: {tickets} · served: {served}</translation>
    </message>
    <message>
        <source>MMC-MMS staff console</source>
        <translation>MMC-MMS staff console</translation>
    </message>
    <message>
        <source>Kiosk {station} asks for staff (since {time}).</source>
        <translation>Kiosk {station} asks for staff (since {time}).</translation>
    </message>
    <message numerus="yes">
        <source>%n calls in all.</source>
        <translation>
            <numerusform>%n call in all.</numerusform>
            <numerusform>%n calls in all.</numerusform>
        </translation>
    </message>
    <message>
        <source>I am going</source>
        <translation>I am going</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>{name} (closed)</source>
        <translation>{name} (closed)</translation>
    </message>
    <message>
        <source>Patients go through these clinics in this order. Add the clinics they need, remove the others.</source>
        <translation>Patients go through these clinics in this order. Add the clinics they need, remove the others.</translation>
    </message>
    <message>
        <source>The route, in order</source>
        <translation>The route, in order</translation>
    </message>
    <message>
        <source>Clinics not in the route</source>
        <translation>Clinics not in the route</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Add to the route</source>
        <translation>Add to the route</translation>
    </message>
    <message>
        <source>Use this route</source>
        <translation>Use this route</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>No route</source>
        <translation>No route</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>Built {date}</source>
        <translation>Built {date}</translation>
    </message>
    <message>
        <source>Run from source, not a build</source>
        <translation>Run from source, not a build</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Commit {commit}</source>
        <translation>Commit {commit}</translation>
    </message>
    <message>
        <source>MMC-MMS · {details}</source>
        <translation>MMC-MMS · {details}</translation>
    </message>
</context>
<context>
    <name>Announcement</name>
    <message>
        <source>Number {number}, {clinic}, room {room}</source>
        <translation>Number {number}, {clinic}, room {room}</translation>
    </message>
    <message>
        <source>Number {number}, {clinic}</source>
        <translation>Number {number}, {clinic}</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Last calls</source>
        <translation>Last calls</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>{number} · {clinic} · room {room}</source>
        <translation>{number} · {clinic} · room {room}</translation>
    </message>
    <message>
        <source>{number} · {clinic}</source>
        <translation>{number} · {clinic}</translation>
    </message>
    <message>
        <source>{call} (called again)</source>
        <translation>{call} (called again)</translation>
    </message>
</context>
<context>
    <name>ExamScreen</name>
    <message>
        <source>Choose your examination</source>
        <translation>Choose your examination</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>GenderScreen</name>
    <message>
        <source>Choose your gender</source>
        <translation>Choose your gender</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>IdScreen</name>
    <message>
        <source>Enter your ID number</source>
        <translation>Enter your ID number</translation>
    </message>
    <message>
        <source>Use the keys below, then touch OK</source>
        <translation>Use the keys below, then touch OK</translation>
    </message>
    <message>
        <source>Enter your ID number or scan your ticket</source>
        <translation>Enter your ID number or scan your ticket</translation>
    </message>
    <message>
        <source>Hold the QR code of your ticket under the scanner, or type your ID</source>
        <translation>Hold the QR code of your ticket under the scanner, or type your ID</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>العربية</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>Check-in kiosk</source>
        <translation>Check-in kiosk</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>Staff have been called. Please wait here.</source>
        <translation>Staff have been called. Please wait here.</translation>
    </message>
    <message>
        <source>Please ask at the reception desk.</source>
        <translation>Please ask at the reception desk.</translation>
    </message>
    <message>
        <source>To check in, type your ID number.</source>
        <translation>To check in, type your ID number.</translation>
    </message>
    <message>
        <source>You have already checked in today.</source>
        <translation>You have already checked in today.</translation>
    </message>
    <message>
        <source>Here is your place. Touch “Print my ticket” for another copy.</source>
        <translation>Here is your place. Touch “Print my ticket” for another copy.</translation>
    </message>
    <message>
        <source>Thank you. {clinic} is done.</source>
        <translation>Thank you. {clinic} is done.</translation>
    </message>
    <message>
        <source>You have finished every clinic of your route.</source>
        <translation>You have finished every clinic of your route.</translation>
    </message>
    <message>
        <source>Please go to your next clinic.</source>
        <translation>Please go to your next clinic.</translation>
    </message>
    <message>
        <source>Your route is complete.</source>
        <translation>Your route is complete.</translation>
    </message>
    <message>
        <source>You have finished every clinic.</source>
        <translation>You have finished every clinic.</translation>
    </message>
    <message>
        <source>Your visit was cancelled.</source>
        <translation>Your visit was cancelled.</translation>
    </message>
    <message>
        <source>Please ask the reception desk.</source>
        <translation>Please ask the reception desk.</translation>
    </message>
    <message>
        <source>You are being served.</source>
        <translation>You are being served.</translation>
    </message>
    <message>
        <source>Your number has been called.</source>
        <translation>Your number has been called.</translation>
    </message>
    <message>
        <source>Please go to the clinic now.</source>
        <translation>Please go to the clinic now.</translation>
    </message>
    <message>
        <source>You are in the queue.</source>
        <translation>You are in the queue.</translation>
    </message>
    <message>
        <source>The printer is not working. Please take a photo of this screen; your place is kept.</source>
        <translation>The printer is not working. Please take a photo of this screen; your place is kept.</translation>
    </message>
    <message>
        <source>No printer is set up here: your ticket was saved.</source>
        <translation>No printer is set up here: your ticket was saved.</translation>
    </message>
    <message>
        <source>Your ticket is printing. Please take it below.</source>
        <translation>Your ticket is printing. Please take it below.</translation>
    </message>
    <message numerus="yes">
        <source>No one there? Back to the start in %n seconds. Touch the screen to stay.</source>
        <translation>
            <numerusform>No one there? Back to the start in %n second. Touch the screen to stay.</numerusform>
            <numerusform>No one there? Back to the start in %n seconds. Touch the screen to stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This exam type is not available for the gender you chose. Please choose another.</source>
        <translation>This exam type is not available for the gender you chose. Please choose another.</translation>
    </message>
    <message>
        <source>The clinic {clinic} cannot receive you now. Please ask the reception desk.</source>
        <translation>The clinic {clinic} cannot receive you now. Please ask the reception desk.</translation>
    </message>
    <message>
        <source>This exam type is not available today. Please choose another.</source>
        <translation>This exam type is not available today. Please choose another.</translation>
    </message>
    <message>
        <source>You have already checked in today. Use “Where am I?” to see your place.</source>
        <translation>You have already checked in today. Use “Where am I?” to see your place.</translation>
    </message>
    <message>
        <source>No visit was found for today with this ID. Please check it, or check in first.</source>
        <translation>No visit was found for today with this ID. Please check it, or check in first.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again after {time}, or ask the clinic staff.</source>
        <translation>Too many wrong codes. Please try again after {time}, or ask the clinic staff.</translation>
    </message>
    <message>
        <source>You have finished every clinic of your route. Thank you.</source>
        <translation>You have finished every clinic of your route. Thank you.</translation>
    </message>
    <message>
        <source>This ID number is not valid. Type only the digits of your ID card, then touch OK.</source>
        <translation>This ID number is not valid. Type only the digits of your ID card, then touch OK.</translation>
    </message>
    <message>
        <source>The clinic code is a number from 10 to 99. Please ask the clinic staff for it.</source>
        <translation>The clinic code is a number from 10 to 99. Please ask the clinic staff for it.</translation>
    </message>
    <message>
        <source>Check-in has closed for today. Please come back on the next working day.</source>
        <translation>Check-in has closed for today. Please come back on the next working day.</translation>
    </message>
    <message>
        <source>This kiosk cannot save anything right now. Please use another kiosk or ask the staff.</source>
        <translation>This kiosk cannot save anything right now. Please use another kiosk or ask the staff.</translation>
    </message>
    <message>
        <source>You are already in this clinic's queue.</source>
        <translation>You are already in this clinic's queue.</translation>
    </message>
    <message>
        <source>You have not been called at {clinic} yet. Please wait for your number on the hall screen.</source>
        <translation>You have not been called at {clinic} yet. Please wait for your number on the hall screen.</translation>
    </message>
    <message numerus="yes">
        <source>This code is not right for {clinic}. %n attempts left.</source>
        <translation>
            <numerusform>This code is not right for {clinic}. %n attempt left.</numerusform>
            <numerusform>This code is not right for {clinic}. %n attempts left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong. Please ask the reception desk for help.</source>
        <translation>Something went wrong. Please ask the reception desk for help.</translation>
    </message>
</context>
<context>
    <name>PhoneScreen</name>
    <message>
        <source>This is not a mobile number we can send to. Please check it, or touch Skip.</source>
        <translation>This is not a mobile number we can send to. Please check it, or touch Skip.</translation>
    </message>
    <message>
        <source>Get an SMS when it's your turn?</source>
        <translation>Get an SMS when it's your turn?</translation>
    </message>
    <message>
        <source>Type your mobile number, then touch OK</source>
        <translation>Type your mobile number, then touch OK</translation>
    </message>
    <message>
        <source>Your number is used only for today's messages, then deleted.</source>
        <translation>Your number is used only for today's messages, then deleted.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Enter the clinic's code</source>
        <translation>Enter the clinic's code</translation>
    </message>
    <message>
        <source>The clinic staff give you a two-digit code when you are done</source>
        <translation>The clinic staff give you a two-digit code when you are done</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>PlaceScreen</name>
    <message>
        <source>Print my ticket</source>
        <translation>Print my ticket</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>StaffExitScreen</name>
    <message>
        <source>Wrong code.</source>
        <translation>Wrong code.</translation>
    </message>
    <message>
        <source>Staff: enter the exit code</source>
        <translation>Staff: enter the exit code</translation>
    </message>
    <message>
        <source>Only for the committee's staff</source>
        <translation>Only for the committee's staff</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>Disk full: nothing new can be saved · %n waiting to send</source>
        <translation>
            <numerusform>Disk full: nothing new can be saved · %n waiting to send</numerusform>
            <numerusform>Disk full: nothing new can be saved · %n waiting to send</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message numerus="yes">
        <source>Offline since {time} · %n waiting to send</source>
        <translation>
            <numerusform>Offline since {time} · %n waiting to send</numerusform>
            <numerusform>Offline since {time} · %n waiting to send</numerusform>
        </translation>
    </message>
    <message>
        <source>this computer's clock is off by {offset} (hours:minutes)</source>
        <translation>this computer's clock is off by {offset} (hours:minutes)</translation>
    </message>
    <message>
        <source>{state} · warning: {warning}</source>
        <translation>{state} · warning: {warning}</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>{clinic}, room {room}</source>
        <translation>{clinic}, room {room}</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message numerus="yes">
        <source>%n people ahead</source>
        <translation>
            <numerusform>%n person ahead</numerusform>
            <numerusform>%n people ahead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>about %n min</numerusform>
            <numerusform>about %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is ahead of you</source>
        <translation>Nobody is ahead of you</translation>
    </message>
    <message>
        <source>Your route</source>
        <translation>Your route</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>You are checked in</source>
        <translation>You are checked in</translation>
    </message>
    <message>
        <source>Print my ticket</source>
        <translation>Print my ticket</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>Your number has been called. Please go to the clinic now.</source>
        <translation>Your number has been called. Please go to the clinic now.</translation>
    </message>
    <message>
        <source>The clinic has set your number aside. Stay near it: staff will call you again.</source>
        <translation>The clinic has set your number aside. Stay near it: staff will call you again.</translation>
    </message>
    <message>
        <source>Nobody is ahead of you. Wait near the clinic until your number is called.</source>
        <translation>Nobody is ahead of you. Wait near the clinic until your number is called.</translation>
    </message>
    <message numerus="yes">
        <source>%n people ahead of you</source>
        <translation>
            <numerusform>%n person ahead of you</numerusform>
            <numerusform>%n people ahead of you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minutes</source>
        <translation>
            <numerusform>about %n minute</numerusform>
            <numerusform>about %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Touch what you want to do</source>
        <translation>Touch what you want to do</translation>
    </message>
    <message>
        <source>العربية</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Check in for my examination</source>
        <translation>Check in for my examination</translation>
    </message>
    <message>
        <source>I finished a clinic</source>
        <translation>I finished a clinic</translation>
    </message>
    <message>
        <source>Where am I?</source>
        <translation>Where am I?</translation>
    </message>
</context>
</TS>