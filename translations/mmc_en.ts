<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>To check in, type your ID number.</source>
        <translation>To check in, type your ID number.</translation>
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
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline since {time} · {count} waiting to send</source>
        <translation>Offline since {time} · {count} waiting to send</translation>
    </message>
    <message>
        <source>No one there? Back to the start in {seconds} s. Touch the screen to stay.</source>
        <translation>No one there? Back to the start in {seconds} s. Touch the screen to stay.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This ID number is not valid. Please check it and try again.</source>
        <translation>This ID number is not valid. Please check it and try again.</translation>
    </message>
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
        <source>The clinic code has two digits. Please ask the clinic staff for it.</source>
        <translation>The clinic code has two digits. Please ask the clinic staff for it.</translation>
    </message>
    <message>
        <source>This code is not right for {clinic}. Attempts left: {left}.</source>
        <translation>This code is not right for {clinic}. Attempts left: {left}.</translation>
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
        <source>You are already in this clinic's queue.</source>
        <translation>You are already in this clinic's queue.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask the reception desk for help.</source>
        <translation>Something went wrong. Please ask the reception desk for help.</translation>
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
    <name>Ticket</name>
    <message>
        <source>{clinic}, room {room}</source>
        <translation>{clinic}, room {room}</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <source>People ahead: {ahead} · about {minutes} min</source>
        <translation>People ahead: {ahead} · about {minutes} min</translation>
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
        <source>You are next. Please go to the clinic.</source>
        <translation>You are next. Please go to the clinic.</translation>
    </message>
    <message>
        <source>People ahead of you: {ahead} · about {minutes} minutes</source>
        <translation>People ahead of you: {ahead} · about {minutes} minutes</translation>
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